/** The merchant team page: a merchant admin invites people, changes their role and stores, disables them. */
package id.lapak.team;
