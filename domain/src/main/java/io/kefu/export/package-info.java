/**
 * The file formats Kefu writes and reads, each through one well-kept library and in one place: CSV (Apache
 * Commons CSV: RFC 4180, UTF-8 with a byte-order mark out; UTF-8 or GB18030 in, as Excel on a Chinese Windows
 * saves it; cells that a spreadsheet would run as formulas defused), Excel workbooks (Apache POI: typed cells,
 * a sheet per section, streamed so a long list needs little memory) and PDF documents (OpenPDF: A4 with the
 * tenant's name and logo, headed tables of figures, a signature block and page numbers, Chinese in a CJK font
 * that ships inside this jar and is embedded, subsetted, in every document, so no installed font is needed on
 * the server nor on the reader's machine). Callers hand in finished, translated text: no message bundle here.
 * Out of scope: what a report contains, and how it is served.
 */
package io.kefu.export;
