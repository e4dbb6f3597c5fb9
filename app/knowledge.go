package app

import (
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
