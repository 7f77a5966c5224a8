export { createSchoolTableStorage } from "./adapter";
export { createSchoolDb, type SchoolDb, type StudentRow, type TeacherRow } from "./school-db";
