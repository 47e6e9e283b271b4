import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src-core/resources/bytes';
import { mimeOfEntry, openPackage, packageEntryPath, verifyPackage } from '../../../src-core/resources/package';
import { DEFAULT_FILE_LIMITS, sniffFile } from '../../../src-core/resources/sniff';
import { html5Sample, zipOf } from './samples';

/** The SCORM bench data beside the repository (see its SOURCES.md). */
const SCORM = path.resolve(import.meta.dirname, '../../../../shared/bench-data/scorm');
const scormZip = (name: string) => new Uint8Array(readFileSync(path.join(SCORM, 'packages', name)));
const manifest = (name: string) => readFileSync(path.join(SCORM, 'manifests', name), 'utf8');

describe('HTML5 packages', () => {
  it.each([
    ['singlesco_scorm12.zip', 'shared/launchpage.html'],
    ['RuntimeMinimumCalls_SCORM12.zip', 'Playing/Playing.html'],
    // No organisation left: the first resource with an href is opened.
    ['singlescobasic_missingorg.zip', 'shared/launchpage.html'],
  ])('opens the SCORM package %s at its launch page %s', async (name, launch) => {
    const zip = scormZip(name);
    expect(await sniffFile(bytesSource(zip))).toEqual({ kind: 'html5', mime: 'application/zip', format: 'ZIP' });
    expect(verifyPackage(zip, DEFAULT_FILE_LIMITS)).toBe(launch);
    const pkg = openPackage(zip, DEFAULT_FILE_LIMITS);
    expect(pkg.launchPath).toBe(launch);
    const page = pkg.entry(launch)!;
    expect(page.mime).toBe('text/html');
    expect(new TextDecoder().decode(page.bytes)).toMatch(/<html/i);
    expect(pkg.entry('shared/style.css')?.mime ?? pkg.entry('Playing/questions.js')?.mime).toMatch(/^text\/(css|javascript)$/);
    expect(pkg.entry('no/such/file.html')).toBeNull();
  });

  it("follows the default organisation of a SCORM 2004 manifest, not the first one listed or the first resource", () => {
    // The 2004 manifest's own files are not in the bench data: each page it names is given a small stand-in.
    const text = manifest('golf_cp_multisco_scorm2004_3rd.imsmanifest.xml');
    const hrefs = [...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('http'));
    const files = Object.fromEntries(hrefs.map((h) => [h, `<html>${h}</html>`]));
    expect(openPackage(zipOf({ 'imsmanifest.xml': text, ...files }), DEFAULT_FILE_LIMITS).launchPath).toBe('Playing/Playing.html');

    const reordered = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <organizations default="second">
    <organization identifier="first"><item identifier="a" identifierref="r1"><title>A</title></item></organization>
    <organization identifier="second">
      <item identifier="folder"><title>Unit</title><item identifier="b" identifierref="r2"><title>B</title></item></item>
    </organization>
  </organizations>
  <resources xml:base="course/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="one.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="two%20pages.html?start=1"/>
  </resources>
</manifest>`;
    const pkg = openPackage(zipOf({ 'imsmanifest.xml': reordered, 'course/one.html': '1', 'course/two pages.html': '2' }), DEFAULT_FILE_LIMITS);
    expect(pkg.launchPath).toBe('course/two pages.html');
  });

  it('opens index.html at the root, or inside the one folder the zip was made of', () => {
    expect(openPackage(html5Sample(), DEFAULT_FILE_LIMITS).launchPath).toBe('index.html');
    expect(openPackage(zipOf({ 'Lesson 5/index.html': '<html></html>', 'Lesson 5/a.js': '' }), DEFAULT_FILE_LIMITS).launchPath).toBe('Lesson 5/index.html');
    const entry = openPackage(html5Sample(), DEFAULT_FILE_LIMITS).entry('js/app.js')!;
    expect(entry.mime).toBe('text/javascript');
    expect(new TextDecoder().decode(entry.bytes)).toContain('dataset.ready');
  });

  it('refuses a manifest that names no page the package holds, or one with a DOCTYPE', async () => {
    const noPage = '<manifest><organizations/><resources><resource identifier="r" href="missing.html"/></resources></manifest>';
    const err = await sniffFile(bytesSource(zipOf({ 'imsmanifest.xml': noPage, 'other.html': '' }))).catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid_input', messageKey: 'error.package_no_launch' });
    const doctype = '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>';
    expect(await sniffFile(bytesSource(zipOf({ 'imsmanifest.xml': doctype, 'index.html': '' }))).catch((e) => e))
      .toMatchObject({ messageKey: 'error.file_corrupt', params: { format: 'ZIP' } });
  });

  it('reads a path inside a package only when it is relative and plain', () => {
    for (const ok of ['index.html', 'shared/launchpage.html', 'Lesson 5/a b.js', 'Сабақ/сурет.png']) expect(packageEntryPath(ok)).toBe(ok);
    for (const bad of ['', '../etc/passwd', 'a/../../b', '/etc/passwd', 'a\\b', '..\\x', 'a//b', './a', 'a/./b', 'C:/x', 'a\u0000b', 'a/']) {
      expect(packageEntryPath(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('serves each file of a package with its type by extension', () => {
    expect(mimeOfEntry('a/b/index.HTML')).toBe('text/html');
    expect(mimeOfEntry('x.svg')).toBe('image/svg+xml');
    expect(mimeOfEntry('x.woff2')).toBe('font/woff2');
    expect(mimeOfEntry('x.unknown')).toBe('application/octet-stream');
    expect(mimeOfEntry('Makefile')).toBe('application/octet-stream');
  });
});
