import EKSDocRender

/// The Q&A pages of one environment, for the site builder.
public enum QASite {
    /// `md/<env>/qa.md` and `md/<env>/qa-practice.md` for the bank (built-in merged with the project's).
    public static func pages(_ context: PageContext, bank: [Question]) -> [Page] {
        [QAPages.page(context, questions: bank), QAPages.practicePage(context, questions: bank)]
    }
}
