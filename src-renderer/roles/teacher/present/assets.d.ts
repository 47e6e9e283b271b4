/** A file bundled by vite and named by its address (`import url from 'x?url'`): the worker of pdf.js. */
declare module '*?url' {
  const url: string;
  export default url;
}
