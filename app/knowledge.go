package app

import (
	"fmt"
	"io"

	"supportbot/config"
	"supportbot/knowledge"
)

// loadKnowledge reads knowledge.dir for a new bot, at start and on each
// reload (SIGHUP): a bad article is logged by name and skipped, never
// fatal. The desk's known fixes come from the store as the bot searches.
func (a *App) loadKnowledge(cfg *config.Config) *knowledge.Base {
	arts, problems := knowledge.Load(cfg.Knowledge.Dir)
	for _, p := range problems {
		a.log.Error("knowledge article skipped", "err", p)
	}
	if cfg.Knowledge.Dir != "" {
		a.log.Info("knowledge articles loaded", "dir", cfg.Knowledge.Dir, "articles", len(arts), "skipped", len(problems))
	}
	return knowledge.NewBase(arts)
}

// knowledgeSummary is check-config's line about knowledge.dir: how many
// articles load, and each file that would be skipped.
func knowledgeSummary(w io.Writer, cfg *config.Config) {
	if cfg.Knowledge.Dir == "" {
		fmt.Fprintln(w, "knowledge:    (no knowledge.dir; desk articles only)")
		return
	}
	arts, problems := knowledge.Load(cfg.Knowledge.Dir)
	fmt.Fprintf(w, "knowledge:    %d articles in %s, %d skipped\n", len(arts), cfg.Knowledge.Dir, len(problems))
	for _, p := range problems {
		fmt.Fprintf(w, "  skipped: %v\n", p)
	}
}
