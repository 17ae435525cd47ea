import EKSDocModel
import EKSDocRender
import Foundation

/// What the Q&A module adds to a site build: Q&A pages per environment (built-in bank merged with the
/// project's `questions/*.yml`), the concept pages and glossary with their diagrams, and concept links on
/// environment pages; and the project's hand-written `pages/*.md`.
public enum DocumentationExtensions {
    /// Loads the question bank and concepts; project question files are reported relative to the content folder.
    /// A site without environments (a folder of hand-written pages only) gets its pages and nothing of the EKS
    /// reference: `infrastructure` false leaves out the questions, concepts and glossary.
    public static func load(contentDirectory: URL, infrastructure: Bool = true,
                            allowRawHTML: Bool = false) -> (SiteExtensions, Diagnostics) {
        var diagnostics = Diagnostics()
        guard infrastructure else {
            let (handWritten, pageDiagnostics) = HandWrittenPages.load(contentDirectory, allowRawHTML: allowRawHTML)
            return (SiteExtensions(sitePages: handWritten), pageDiagnostics)
        }
        let (builtin, builtinDiagnostics) = QuestionBank.builtin()
        let (project, projectDiagnostics) = QuestionBank.project(contentDirectory)
        diagnostics.append(contentsOf: builtinDiagnostics)
        diagnostics.append(contentsOf: projectDiagnostics)
        let bank = QuestionBank.merged(builtin: builtin, project: project)

        var concepts: [Concept] = []
        var glossary: [GlossaryTerm] = []
        if let directory = ConceptLibrary.builtinDirectory {
            let loaded = ConceptLibrary.load(directory)
            concepts = loaded.concepts
            glossary = loaded.glossary
            diagnostics.append(contentsOf: loaded.diagnostics)
        }
        let (conceptPages, conceptDiagrams) = ConceptPages.build(concepts, glossary: glossary)
        let (handWritten, pageDiagnostics) = HandWrittenPages.load(contentDirectory, allowRawHTML: allowRawHTML)
        diagnostics.append(contentsOf: pageDiagnostics)
        let linker = ConceptLinker(glossary: glossary, concepts: concepts)
        let extensions = SiteExtensions(
            environmentPages: { QASite.pages($0, bank: bank) },
            sitePages: handWritten + conceptPages, siteDiagrams: conceptDiagrams,
            postProcess: { linker.annotate($0) })
        return (extensions, diagnostics)
    }
}
