/**
 * The keys (schemaKey of the value, with its meta-schema's kind and key as context) of the data files
 * that conformed to their meta-schema in this process: a reload (--watch) or a second app does not
 * check an unchanged file again, and the build writes them out so that a start does not check the
 * shipped ones (precompiled).
 */
export const conformedFiles = new Set<string>();
