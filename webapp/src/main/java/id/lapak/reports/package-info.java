/**
 * Reports and the dashboard's figures: rollups of each store's local business day kept by a clustered job
 * ({@link id.lapak.reports.ReportRollups}), reads that add the days not rolled up yet from the sales
 * ({@link id.lapak.reports.ReportQueries}), the service every page and export goes through
 * ({@link id.lapak.reports.ReportService}), the reports page and its exports.
 */
package id.lapak.reports;
