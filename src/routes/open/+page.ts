// Prerendered as a form; in the browser it fetches and opens the file its address names (?url=…).
export const prerender = true;
