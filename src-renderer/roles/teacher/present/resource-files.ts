import type { PlanResource } from '../../../../src-core/contract/ops/resources';
import type { ApiClient } from '../../../api/client';
import { pdfDocument, PdfProblem } from './pdf';
import { failedSlide, slidesOfResource, type Slide } from './slides';

/**
 * A resource's file for its slides: the address the host gives (a short-lived ticket, asked for each time a slide
 * loads) and a PDF's bytes read once. A file the host cannot give (offline and not on this computer, removed) makes
 * a slide that says so; the rest of the lesson opens as usual.
 */

/** A PDF's bytes from the host; any failure to get them is "unavailable" (the file itself may be fine). */
async function fetchBytes(api: ApiClient, sha256: string): Promise<Uint8Array> {
  try {
    const res = await fetch(await api.fileUrl(sha256), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new PdfProblem('present.slide.unavailable', err);
  }
}

/** A PDF file's document (read once per file on this page). */
export const pdfOf = (api: ApiClient, sha256: string) => pdfDocument(sha256, () => fetchBytes(api, sha256));

/** The slides of one resource of the plan: a PDF's pages once read, or a slide saying why it has none. */
export async function resourceSlides(api: ApiClient, resource: PlanResource): Promise<Slide[]> {
  if (resource.kind !== 'pdf') return slidesOfResource(resource);
  try {
    const doc = await pdfOf(api, resource.sha256);
    return slidesOfResource(resource, doc.numPages);
  } catch (err) {
    return [failedSlide(resource, err instanceof PdfProblem ? err.problem : 'present.slide.corrupt')];
  }
}

/** The slides of several resources, in the plan's order (read at once, added together). */
export async function resourcesSlides(api: ApiClient, resources: readonly PlanResource[]): Promise<Slide[]> {
  return (await Promise.all(resources.map((r) => resourceSlides(api, r)))).flat();
}
