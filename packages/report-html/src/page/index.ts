export { SCHOOL_A4_MARGINS_MM, PageMarginsSchema, type PageMargins } from "./margins";
