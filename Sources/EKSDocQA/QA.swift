import EKSDocModel
// Question bank, concept pages and glossary (issue 5).
