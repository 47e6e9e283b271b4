import { megabytes } from '../board/model';
import { OperationError } from '../contract/errors';

/** What a file was taken for by its bytes, named in messages ("The PDF file is damaged"). */
export type FileFormat =
  | 'PDF' | 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'MP3' | 'OGG' | 'WAV' | 'M4A' | 'MP4' | 'MOV' | 'WebM' | 'Matroska' | 'ZIP';

/** The file's bytes are not one of the kinds the library keeps (an SVG, a Word document, a program). */
export const fileTypeUnknown = () => new OperationError('invalid_input', 'error.file_type_unknown');

export const fileEmpty = () => new OperationError('invalid_input', 'error.file_empty');

/** The file starts as its format says, but what follows is not that format. */
export const fileCorrupt = (format: FileFormat) => new OperationError('invalid_input', 'error.file_corrupt', { format });

/** The file starts well but its end is missing: an upload or a copy cut short. */
export const fileTruncated = (format: FileFormat) => new OperationError('invalid_input', 'error.file_truncated', { format });

export const fileTooLarge = (maxBytes: number) => new OperationError('too_large', 'error.file_too_large', { max: megabytes(maxBytes) });

/** An HTML5 package whose files unpack to more than the limit (a zip bomb, or simply too much). */
export const packageTooLarge = (maxBytes: number) => new OperationError('too_large', 'error.package_too_large', { max: megabytes(maxBytes) });

/** An HTML5 package (a SCORM manifest) that names no page to open, or names one it does not hold. */
export const packageNoLaunch = () => new OperationError('invalid_input', 'error.package_no_launch');
