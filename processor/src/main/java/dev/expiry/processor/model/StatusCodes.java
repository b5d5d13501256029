package dev.expiry.processor.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IANA HTTP Status Code Registry (https://www.iana.org/assignments/http-status-codes/), as
 * last updated on 2025-09-15: every code with an entry, and its name as the registry gives it.
 *
 * <p>Two kinds of entry are kept but do not count as registered: 306 and 418 are reserved as
 * "(Unused)" (RFC 9110 §15.4.7, §15.5.19), so they carry no meaning a client could act on. 104 is a
 * temporary registration (until 2026-11-13) for a draft; it counts, like 305 (deprecated) and 510
 * (obsoleted), because the registry still defines them.
 */
public final class StatusCodes {

  private static final String UNUSED = "(Unused)";

  private static final Map<Integer, String> REGISTRY = registry(
      100, "Continue",
      101, "Switching Protocols",
      102, "Processing",
      103, "Early Hints",
      104, "Upload Resumption Supported (temporary)",
      200, "OK",
      201, "Created",
      202, "Accepted",
      203, "Non-Authoritative Information",
      204, "No Content",
      205, "Reset Content",
      206, "Partial Content",
      207, "Multi-Status",
      208, "Already Reported",
      226, "IM Used",
      300, "Multiple Choices",
      301, "Moved Permanently",
      302, "Found",
      303, "See Other",
      304, "Not Modified",
      305, "Use Proxy",
      306, UNUSED,
      307, "Temporary Redirect",
      308, "Permanent Redirect",
      400, "Bad Request",
      401, "Unauthorized",
      402, "Payment Required",
      403, "Forbidden",
      404, "Not Found",
      405, "Method Not Allowed",
      406, "Not Acceptable",
      407, "Proxy Authentication Required",
      408, "Request Timeout",
      409, "Conflict",
      410, "Gone",
      411, "Length Required",
      412, "Precondition Failed",
      413, "Content Too Large",
      414, "URI Too Long",
      415, "Unsupported Media Type",
      416, "Range Not Satisfiable",
      417, "Expectation Failed",
      418, UNUSED,
      421, "Misdirected Request",
      422, "Unprocessable Content",
      423, "Locked",
      424, "Failed Dependency",
      425, "Too Early",
      426, "Upgrade Required",
      428, "Precondition Required",
      429, "Too Many Requests",
      431, "Request Header Fields Too Large",
      451, "Unavailable For Legal Reasons",
      500, "Internal Server Error",
      501, "Not Implemented",
      502, "Bad Gateway",
      503, "Service Unavailable",
      504, "Gateway Timeout",
      505, "HTTP Version Not Supported",
      506, "Variant Also Negotiates",
      507, "Insufficient Storage",
      508, "Loop Detected",
      510, "Not Extended (obsoleted)",
      511, "Network Authentication Required");

  private StatusCodes() {}

  /** Whether the registry defines the code; false for unassigned codes and for 306 and 418. */
  public static boolean isRegistered(int code) {
    String name = REGISTRY.get(code);
    return name != null && !name.equals(UNUSED);
  }

  /** Whether the registry reserves the code as "(Unused)": 306 and 418. */
  public static boolean isReservedUnused(int code) {
    return UNUSED.equals(REGISTRY.get(code));
  }

  /** The code's name in the registry, such as "Unauthorized", if it is registered. */
  public static Optional<String> nameOf(int code) {
    return isRegistered(code) ? Optional.of(REGISTRY.get(code)) : Optional.empty();
  }

  private static Map<Integer, String> registry(Object... codesAndNames) {
    Map<Integer, String> registry = new TreeMap<>();
    for (int i = 0; i < codesAndNames.length; i += 2) {
      registry.put((Integer) codesAndNames[i], (String) codesAndNames[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(registry);
  }
}
