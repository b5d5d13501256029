package dev.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ReturnPath} on the known tricks, and on the paths a login page must send the user back to. */
class ReturnPathTest {

  @Test
  void theKnownTricksAreRefused() {
    for (String next : List.of("//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
        "javascript:alert(1)", "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5cevil.example",
        "/%252F%252Fevil.example", "%2F%2Fevil.example", "/\t/evil.example", "/\n/evil.example", "/ /evil.example",
        "/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "/.//evil.example", "/a/..//evil.example", "/%2E/%2Fevil.example",
        "/%", "/%zz", "/%C3", "", " /x", "/x\u00e9", "/%E2%80%A8x", "/\u0000", "//./..", "//.", "//../x",
        "/%2F./..")) {
      assertFalse(ReturnPath.safe(next).isPresent(), next);
    }
    for (String next : List.of("/", "/orders/1", "/orders?id=1&x=%2F%2F", "/search?q=a%20b", "/caf%C3%A9",
        "/a//b", "/orders#top", "/a/../b", "/orders;v=1", "/x?next=//evil.example")) {
      assertEquals(java.util.Optional.of(next), ReturnPath.safe(next), next);
    }
    assertFalse(ReturnPath.safe(null).isPresent());
  }

  @Test
  void controlCharactersAreRefusedOnceDecodedButWhatTheyBorderIsNot() {
    for (String next : List.of("/%7F", "/a%C2%80b", "/a%C2%9Fb", "/a%1Fb", "/a%00b", "/%E2%80%A9")) {
      assertFalse(ReturnPath.safe(next).isPresent(), next);
    }
    for (String next : List.of("/a%20b", "/a%C2%A0b", "/~x", "/%7E", "/a%21b", "/%C2%A1")) {
      assertEquals(java.util.Optional.of(next), ReturnPath.safe(next), next);
    }
  }

  @Test
  void aValueEncodedOverAndOverIsRefused() {
    String safe = "/a%" + "25".repeat(3) + "2Fb";
    assertEquals(java.util.Optional.of(safe), ReturnPath.safe(safe));
    String tooDeep = "/a%" + "25".repeat(20) + "2Fb";
    assertFalse(ReturnPath.safe(tooDeep).isPresent(), tooDeep);
    String hidden = "/%" + "25".repeat(5) + "2F%" + "25".repeat(5) + "2Fevil.example";
    assertFalse(ReturnPath.safe(hidden).isPresent(), hidden);
  }

  @Test
  void dotSegmentsAreRemovedAsRfc3986Says() {
    assertEquals("/b", ReturnPath.withoutDotSegments("/a/../b"));
    assertEquals("/a/", ReturnPath.withoutDotSegments("/a/."));
    assertEquals("/", ReturnPath.withoutDotSegments("/.."));
    assertEquals("//x", ReturnPath.withoutDotSegments("/.//x"));
    assertEquals("/a/c", ReturnPath.withoutDotSegments("/a/b/../c"));
  }
}
