export { renderHtml, htmlRenderer, type HtmlOptions } from "./render";
