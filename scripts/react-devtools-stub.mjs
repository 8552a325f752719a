// Stand-in for react-devtools-core, which Ink imports only in development with DEV=true.
export default { initialize() {}, connectToDevTools() {} };
