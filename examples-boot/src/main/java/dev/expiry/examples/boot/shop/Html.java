package dev.expiry.examples.boot.shop;

import org.springframework.security.web.csrf.CsrfToken;

/** Small pieces of HTML for the example's pages. */
public final class Html {

  private Html() {}

  /** The hidden field that carries Spring Security's CSRF token in a form. */
  public static String csrfField(CsrfToken csrf) {
    return "<input type=hidden name=\"" + escape(csrf.getParameterName()) + "\" value=\"" + escape(csrf.getToken())
        + "\">";
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
