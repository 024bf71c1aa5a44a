export * from "./auth";
export * from "./library";
export * from "./mail";
export * from "./audit";
export * from "./content";
export * from "./files";
export * from "./campaigns";
export * from "./classes";
