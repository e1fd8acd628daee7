import { describe, expect, it } from "vitest";
import { clientNetwork } from "./rate-limit";

describe("the network an address stands for, for limits per address", () => {
  it("keeps an IPv4 address, also written IPv4-mapped", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const a = clientNetwork("2001:db8:85a3:12::8a2e:370:7334");
    expect(a).toBe("2001:db8:85a3:12::/64");
    expect(clientNetwork("2001:0db8:85a3:0012:ffff:ffff:ffff:ffff")).toBe(a);
    expect(clientNetwork("[2001:DB8:85A3:12::1]")).toBe(a);
    expect(clientNetwork("2001:db8:85a3:13::1")).not.toBe(a);
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("leaves anything else as it is", () => {
    expect(clientNetwork("unknown")).toBe("unknown");
  });
});
