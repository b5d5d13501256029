package dev.expiry;

/**
 * The kind of client a policy answers. The runtime decides it the same way for every request:
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Mode: navigate} is a {@link #BROWSER} navigating to a page; any other
 *       {@code Sec-Fetch-Mode} ({@code cors}, {@code same-origin}, {@code no-cors}, …) is script,
 *       {@link #API}.
 *   <li>Without {@code Sec-Fetch-Mode} (plain HTTP to a host other than localhost, where browsers
 *       send no Fetch Metadata): {@code X-Requested-With: XMLHttpRequest} is {@link #API}; an
 *       {@code Accept} header that prefers {@code text/html} over JSON, on a request that carries
 *       {@code Upgrade-Insecure-Requests: 1} (as every navigation does, and {@code fetch} never does
 *       by itself), is a {@link #BROWSER}; anything else ({@code curl}, {@code Accept: *}{@code /*},
 *       a {@code fetch} asking for HTML, mobile apps, other services) is {@link #API}.
 * </ol>
 *
 * A policy for the exact kind wins over an {@link #ANY} policy on the same element. Where browsers
 * get a redirect, a frame ({@code Sec-Fetch-Dest: iframe}, ...) gets the {@link #API} answer as a
 * page that links the location for the whole window, and htmx, Turbo, Inertia and Jakarta Faces
 * partial requests get the redirect in the form each acts on (see the README).
 */
public enum Client {
  /** Every client that no policy for its exact kind covers. */
  ANY,
  /** A browser navigating to a page: send it somewhere, usually the login page. */
  BROWSER,
  /** Script and programs: fetch, XHR, mobile apps, other services. Give them a status to act on. */
  API
}
