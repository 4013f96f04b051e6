/**
 * Follows a pasted XML document (a web.config, applicationHost.config, a FREB trace) line by line
 * just far enough to know when its root element has closed. People paste a config and then write
 * about it ("after deploying we get 502.5"): once the root is closed, the sentence after it is no
 * longer part of the XML and can be read as what it is. Linear: each line is scanned once, with
 * indexOf and a bounded name pattern.
 */

/** An element name at the start of a string: `configuration`, `system.webServer`, `aspNetCore`. */
const NAME = /^[A-Za-z_][\w.:-]{0,127}/;

export class XmlRootTracker {
  private root: string | undefined;
  /** The root's start tag is still open (its attributes run over several lines). */
  private inStartTag = false;
  private closedFlag = false;

  /** True once the root element has ended (`</root>`, or a root written as `<root ... />`). */
  get closed(): boolean {
    return this.closedFlag;
  }

  /** Reads the next line of the document. */
  feed(line: string): void {
    if (this.closedFlag) return;
    let from = 0;
    if (this.root === undefined) {
      const start = rootStart(line);
      if (start === undefined) return;
      this.root = start.name;
      this.inStartTag = true;
      from = start.after;
    }
    if (this.inStartTag) {
      const end = line.indexOf('>', from);
      if (end < 0) return;
      this.inStartTag = false;
      if (line.charAt(end - 1) === '/') {
        this.closedFlag = true;
        return;
      }
      from = end + 1;
    }
    if (line.indexOf(`</${this.root}`, from) >= 0) this.closedFlag = true;
  }
}

/** The first element start tag on the line that is not a declaration, comment or closing tag. */
function rootStart(line: string): { name: string; after: number } | undefined {
  let at = line.indexOf('<');
  while (at >= 0) {
    const name = NAME.exec(line.slice(at + 1, at + 129))?.[0];
    if (name !== undefined) return { name, after: at + 1 + name.length };
    at = line.indexOf('<', at + 1);
  }
  return undefined;
}
