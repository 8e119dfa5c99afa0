/** The portal shell: layout and navigation, language, and the pages shown for errors and refused logins. */
package id.lapak.ui;
