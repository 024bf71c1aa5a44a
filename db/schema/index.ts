export * from "./auth";
export * from "./library";
export * from "./mail";
export * from "./audit";
export * from "./content";
