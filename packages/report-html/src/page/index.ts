export { SCHOOL_A4_MARGINS_MM, type PageMargins } from "./margins";
