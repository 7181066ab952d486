export * from "./reference.js";
export * from "./accounts.js";
export * from "./mail.js";
export * from "./partnerships.js";
export * from "./members.js";
