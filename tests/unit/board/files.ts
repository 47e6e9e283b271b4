import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';

/** The real board files of /work/shared/bench-data/iwb (read-only; see its SOURCES.md). */
const DIR = new URL('../../../../shared/bench-data/iwb/', import.meta.url);

export const benchFile = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));

/** A one-page .ubz made of a single extracted page SVG. */
export const ubzOfPage = (svgFile: string) => zipSync({ 'page001.svg': benchFile(svgFile) });

/** The Newline .iwb's content.xml, zipped back into an .iwb (its images were not copied). */
export const newlineIwb = () => zipSync({ 'content.xml': benchFile('newline-benchmark_content.xml') });
