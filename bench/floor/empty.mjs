// The reference for "load one ES module file and exit": an empty module.
export {};
