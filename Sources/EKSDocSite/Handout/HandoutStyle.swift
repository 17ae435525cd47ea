/// The handout's style sheet, inlined in the document: A4 pages with page numbers and a running title (weasyprint
/// margin boxes, `counter(page)`, `string-set`), page numbers in the table of contents (`target-counter`), one
/// printed page per section, and tables and code that wrap instead of running off the page.
enum HandoutStyle {
    static let css = """
    @page {
      size: A4;
      margin: 18mm 16mm 20mm 16mm;
      @top-left { content: string(environment); font: 8pt sans-serif; color: #616161; }
      @top-right { content: string(page-title); font: 8pt sans-serif; color: #616161; }
      @bottom-center { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #616161; }
    }
    @page :first {
      @top-left { content: none; }
      @top-right { content: none; }
      @bottom-center { content: none; }
    }
    :root { --accent: #1565c0; --rule: #d0d7de; --muted: #616161; }
    html { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #212121; }
    body { margin: 0; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
    h1 { font-size: 18pt; color: var(--accent); margin: 0 0 8pt; string-set: page-title content(); }
    h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1px solid var(--rule); padding-bottom: 2pt; }
    h3 { font-size: 11pt; margin: 12pt 0 4pt; }
    h4, h5, h6 { font-size: 10pt; margin: 10pt 0 4pt; }
    p, li { orphans: 2; widows: 2; }
    a { color: var(--accent); text-decoration: none; }
    .xref { color: inherit; }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
    code { background: #f3f4f6; padding: 0 2pt; border-radius: 2pt; overflow-wrap: anywhere; word-break: break-word; }
    pre { background: #f6f8fa; border: 1px solid var(--rule); padding: 6pt; white-space: pre-wrap; overflow-wrap: anywhere; }
    pre code { background: none; padding: 0; }
    table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 7.5pt; line-height: 1.3; table-layout: auto; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 1px solid var(--rule); padding: 2pt 3pt; vertical-align: top; text-align: left;
             overflow-wrap: break-word; hyphens: manual; }
    th { background: #eef2f7; }
    td code, th code { font-size: 0.95em; padding: 0; background: none; overflow-wrap: anywhere; }
    td[align="right"], th[align="right"] { text-align: right; }
    td[align="center"], th[align="center"] { text-align: center; }
    blockquote { margin: 8pt 0; padding: 4pt 10pt; border-left: 3pt solid var(--rule); color: #424242; }
    .callout { border-left-color: var(--accent); background: #f1f6fd; }
    .callout-tip { border-left-color: #2e7d32; background: #f1f8f1; }
    .callout-warning, .callout-caution { border-left-color: #e65100; background: #fff5eb; }
    .callout-important { border-left-color: #6a1b9a; background: #f7f0fb; }
    .callout-title { font-weight: bold; margin: 2pt 0; }
    figure.diagram { margin: 8pt 0 12pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
    figure.diagram figcaption { font-size: 8pt; color: var(--muted); margin-top: 4pt; }
    svg.diagram-svg { max-width: 100%; height: auto; }
    span.diagram svg.diagram-svg { vertical-align: middle; }
    img { max-width: 100%; }
    hr { border: 0; border-top: 1px solid var(--rule); }
    footer.sources { margin-top: 14pt; font-size: 7pt; color: var(--muted); border-top: 1px solid var(--rule); overflow-wrap: anywhere; }
    footer.sources code { background: none; padding: 0; }
    section.page { break-before: page; page-break-before: always; }
    section.environment-page { string-set: environment attr(data-environment); }
    section.appendix { string-set: environment "Reference"; }
    .cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
    .cover-kicker { text-transform: uppercase; letter-spacing: 2pt; color: var(--muted); font-size: 10pt; margin: 0; }
    .cover-title { font-size: 30pt; margin: 6pt 0 18pt; string-set: page-title ""; }
    .cover-environments { list-style: none; padding: 0; margin: 0 0 24pt; font-size: 12pt; }
    .cover-environments li { margin: 4pt 0; }
    .cover-env { font-weight: bold; }
    .cover-env-details { color: var(--muted); font-size: 10pt; }
    .cover-generator { color: var(--muted); font-size: 9pt; }
    nav.toc { break-before: page; page-break-before: always; }
    nav.toc h1 { string-set: page-title "Contents"; }
    nav.toc ol { list-style: none; padding-left: 0; margin: 0; }
    nav.toc ol ol { padding-left: 14pt; margin: 2pt 0 8pt; }
    .toc-environment-name { font-weight: bold; font-size: 11pt; color: #212121; }
    nav.toc ol ol li { margin: 2pt 0; }
    nav.toc ol ol a::after { content: leader(".") target-counter(attr(href url), page); color: var(--muted); }
    nav.toc a { color: #212121; }
    @media screen {
      body { max-width: 60rem; margin: 0 auto; padding: 0 1.5rem; }
      section.page, nav.toc { border-top: 2px solid var(--rule); margin-top: 2rem; padding-top: 1rem; }
      .cover { height: auto; padding: 4rem 0; }
    }

    """
}
