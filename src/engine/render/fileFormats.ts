/** The typed file formats a whole result can be written as (fileExport.ts writes them). Imports nothing, so a front end can name them without loading the writers. */
export type FileFormat = 'xlsx' | 'parquet';
export const FILE_FORMATS: readonly FileFormat[] = ['xlsx', 'parquet'];
