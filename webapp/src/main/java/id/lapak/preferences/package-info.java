/** A signed-in person's own settings, such as the portal language. */
package id.lapak.preferences;
