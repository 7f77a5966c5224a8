export * from "./svg";
