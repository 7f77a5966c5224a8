export { renderDocx, docxRenderer, type DocxOptions } from "./render";
