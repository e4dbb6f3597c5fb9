// Package knowledge is the support desk's knowledge base: e-learning
// articles written as Markdown files and the desk's own known fixes, with an
// in-memory ranked search that reads people's wording (Spanish and English
// light stemming, accents and case folded, stop words dropped). It speaks no
// SQL and no network: the store keeps the desk's articles and the bot hands
// them over, so search ranks the same whichever store driver runs.
package knowledge
