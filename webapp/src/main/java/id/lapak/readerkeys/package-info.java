/** The portal page where a merchant admin sees the reader key versions and rotates them. */
package id.lapak.readerkeys;
