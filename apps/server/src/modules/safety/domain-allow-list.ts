const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * 外链白名单: a host is allowed when it is a listed domain or lies under one, on label boundaries —
 * `gov.cn` allows `www.sz.gov.cn` but not `evilgov.cn` nor `gov.cn.evil.com`. IP addresses are allowed
 * only as listed (127.0.0.1 for the sandbox), never as a suffix.
 */
export class DomainAllowList {
  private readonly domains: ReadonlySet<string>;

  constructor(domains: Iterable<string>) {
    this.domains = new Set([...domains].map((d) => d.toLowerCase()));
  }

  get size(): number {
    return this.domains.size;
  }

  allows(host: string): boolean {
    const h = host
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
    if (!h) return false;
    if (this.domains.has(h)) return true;
    if (IPV4.test(h) || h.includes(':')) return false;
    for (let dot = h.indexOf('.'); dot !== -1; dot = h.indexOf('.', dot + 1)) {
      const parent = h.slice(dot + 1);
      if (!IPV4.test(parent) && this.domains.has(parent)) return true;
    }
    return false;
  }
}
