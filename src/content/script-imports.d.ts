// `import file from './x.ts?script&module'`: crxjs builds x.ts as its own module
// (no loader), lists it in web_accessible_resources, and gives its file name.
declare module '*?script&module' {
  const fileName: string;
  export default fileName;
}
