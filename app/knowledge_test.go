package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"supportbot/app"
	"supportbot/knowledge"
	"supportbot/store"
	"supportbot/store/pgtest"
	"supportbot/ticketing"
)

// knownFixes are the desk's articles the shared eval set's desk questions
// (knowledge/eval_desk.jsonl) expect as desk/1, desk/2 and desk/3.
var knownFixes = []ticketing.DeskArticle{
	{Title: "El softphone queda en «registrando» y no recibe llamadas", Question: "el softphone de los agentes queda registrando y no entran llamadas",
		Answer: "Era el firewall del cliente: hay que abrir el puerto SIP UDP 5060 y el rango RTP UDP 10000-20000 hacia la plataforma.", Lang: "es", Published: true},
	{Title: "Grabaciones sin el audio del cliente", Question: "las grabaciones tienen solo la voz del agente, del cliente no se escucha nada",
		Answer: "La troncal del proveedor negociaba un codec que el grabador no toma: se fijó G.711 (alaw) en la troncal. Recordings with only the agent's voice: set the trunk codec to G.711.", Lang: "es"},
	{Title: "Reporte con las horas corridas", Question: "el reporte de la campaña muestra las horas corridas",
		Answer: "La zona horaria del usuario estaba en UTC: se cambia en Mi perfil › Zona horaria y el reporte se vuelve a generar.", Lang: "es", Published: true},
}

func evalSet(t *testing.T) []knowledge.Labelled {
	t.Helper()
	var set []knowledge.Labelled
	for _, name := range []string{"eval.jsonl", "eval_desk.jsonl"} {
		f, err := os.Open(filepath.Join("..", "knowledge", name))
		if err != nil {
			t.Fatal(err)
		}
		part, err := knowledge.ReadLabelled(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		set = append(set, part...)
	}
	return set
}

// knowledgeScores saves the known fixes in db, loads them beside the
// sample articles as the bot does, and scores the labelled set.
func knowledgeScores(t *testing.T, db *store.DB) knowledge.Scores {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		for i, a := range knownFixes {
			a.Source, a.SavedBy, a.CreatedAt = "test:"+a.Title, "UF", at.Add(time.Duration(i)*time.Minute)
			if err := tx.SaveDeskArticle(ctx, &a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	arts, problems := knowledge.Load(filepath.Join("..", "knowledge", "sample"))
	if len(problems) > 0 {
		t.Fatalf("sample: %v", problems)
	}
	base := knowledge.NewBase(arts)
	if n, err := app.LoadDeskArticles(ctx, db, base); err != nil || n != len(knownFixes) {
		t.Fatalf("desk articles: %d, %v", n, err)
	}
	return knowledge.Evaluate(evalSet(t), func(q string) []knowledge.Result { return base.Search(q, 3) })
}

func checkScores(t *testing.T, driver string, s knowledge.Scores) {
	t.Helper()
	t.Logf("%s:\n%s", driver, s)
	if s.Top3 < 0.90 || s.Suggested > 0.10 || s.Answerable < 60 || s.NoArticle < 15 {
		t.Errorf("%s: top-3 %.3f (want ≥ 0.90), no-article suggested %.3f (want ≤ 0.10), on %d + %d questions (want ≥ 60 + 15)",
			driver, s.Top3, s.Suggested, s.Answerable, s.NoArticle)
	}
	for _, m := range s.Misses {
		if strings.HasPrefix(m.Article, knowledge.DeskPrefix) {
			t.Errorf("%s: desk question %q missed %s", driver, m.Text, m.Article)
		}
	}
}

// The labelled set scores the same whichever store keeps the desk's
// known fixes: search runs in memory over what either store returns.
func TestKnowledgeEvalOnBothStores(t *testing.T) {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "supportbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sqlite := knowledgeScores(t, db)
	checkScores(t, "sqlite", sqlite)

	if os.Getenv("SUPPORTBOT_TEST_POSTGRES") == "" {
		t.Log("PostgreSQL half skipped: set SUPPORTBOT_TEST_POSTGRES (see .ci/postgres.sh)")
		return
	}
	pg, err := store.OpenWith(context.Background(), store.Options{Driver: store.DriverPostgres, URL: pgtest.URL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	postgres := knowledgeScores(t, pg)
	checkScores(t, "postgres", postgres)
	if postgres.Top1 != sqlite.Top1 || postgres.Top3 != sqlite.Top3 || postgres.Suggested != sqlite.Suggested {
		t.Errorf("postgres scores %+v differ from sqlite's %+v", postgres, sqlite)
	}
}
