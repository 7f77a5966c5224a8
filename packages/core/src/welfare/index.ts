/**
 * Family and welfare support: the household (size, hardship) that makes a child eligible for
 * the subsidy (两免一补) and hardship relief (济难救助), and the children's home or activity room
 * with its phones and computers as a resource that calls and activities name.
 * @module
 */
export * from "./schema";
export * from "./eligibility";
export * from "./resources";
