package config

// Knowledge is the knowledge base suggested to clients and staff.
type Knowledge struct {
	// Dir is a folder of Markdown articles (subfolders allowed), read at
	// start and on every reload. Empty: only the desk's known fixes.
	Dir string `yaml:"dir"`
}
