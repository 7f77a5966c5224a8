export { renderDocx, docxRenderer, type DocxOptions } from "./render";
export { MAX_DOCX_COLUMNS } from "./limits";
