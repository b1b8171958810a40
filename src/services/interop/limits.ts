// Bounds on what an import will read. App policy, not legal numbers: large enough for a practice's
// multi-year request log, small enough that a stray multi-gigabyte file is refused before parsing.

/** Largest CSV file read (bytes). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024
/** Most data rows in one CSV import. */
export const MAX_CSV_ROWS = 50_000
/** Rows shown in the preview, exactly as they will be stored. */
export const PREVIEW_ROWS = 20

/** A full-export zip: largest file on disk, largest single entry and total once unpacked. */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024
export const MAX_ZIP_ENTRY_BYTES = 250 * 1024 * 1024
export const MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
/** Entries in one zip (a caseload of tens of thousands of cases plus attachments). */
export const MAX_ZIP_ENTRIES = 200_000
/** An entry that unpacks to more than this many times its packed size is treated as a zip bomb. */
export const MAX_ZIP_RATIO = 200

/** Largest .eml read. */
export const MAX_EML_BYTES = 50 * 1024 * 1024
