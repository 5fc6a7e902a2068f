"""The explorer's interface words, in Chinese and English."""

from __future__ import annotations

PAGES = ("ask", "roles", "formulae", "graph", "documents", "sparql", "export")

WORDS = {
    "app_title": ("政策文本知识图谱", "Policy texts as a knowledge graph"),
    "app_caption": ("角色、职责、数字化表述、问题与责任链条，均附原文为证。",
                    "Roles, duties, numbered formulae, problems and chains of responsibility, each with the "
                    "sentence that says so."),
    "english": ("English", "English"),
    "navigate": ("页面", "Pages"),
    "page_ask": ("提问", "Ask"),
    "page_roles": ("角色", "Roles"),
    "page_formulae": ("数字化表述", "Formulae"),
    "page_graph": ("关系图", "Graph"),
    "page_documents": ("文档", "Documents"),
    "page_sparql": ("SPARQL 查询", "SPARQL"),
    "page_export": ("导出", "Export"),
    "corpus_summary": ("{documents} 篇文档 · {sentences} 个句子 · {facts} 条事实",
                       "{documents} documents · {sentences} sentences · {facts} facts"),
    "built_in": ("构建用时 {seconds:.1f} 秒", "built in {seconds:.1f} s"),
    "with_uploads": ("含上传文档 {count} 篇", "including {count} uploaded"),
    "building": ("正在读取文本并构建知识图谱……", "Reading the texts and building the knowledge graph…"),
    "build_failed": ("无法构建知识图谱：{error}", "Could not build the knowledge graph: {error}"),
    # Ask
    "ask_title": ("向文本提问", "Ask the texts"),
    "examples": ("试试这些问题：", "Try these questions:"),
    "question": ("问题（中文或英文），按回车提问", "Question (Chinese or English), press Enter to ask"),
    "question_placeholder": ("例如：第一书记要做什么？", "e.g. What must a first secretary do?"),
    "answer": ("回答", "Answer"),
    "not_answered": ("没有找到可靠的答案。", "No reliable answer was found."),
    "evidence": ("原文依据（{count} 处）", "Evidence ({count} sentences)"),
    "no_evidence": ("没有原文依据。", "No evidence sentences."),
    "score": ("相关度 {score:.2f}", "score {score:.2f}"),
    "understood": ("如何理解这个问题", "How the question was understood"),
    "intent": ("意图", "Intent"),
    "language": ("语言", "Language"),
    "tokens": ("分词", "Tokens"),
    "entities": ("识别的实体", "Entities"),
    "trace": ("检索过程", "Query and trace"),
    "none": ("（无）", "(none)"),
    # Roles
    "roles_title": ("角色与组织", "Roles and organizations"),
    "pick_role": ("选择角色或组织", "Choose a role or organization"),
    "role_option": ("{label}（{kind}，{count} 条事实）", "{label} ({kind}, {count} facts)"),
    "no_roles": ("文本中还没有关于角色的事实。", "The texts have no facts about roles yet."),
    "include_posts": ("包括所任职务（及担任此职者）的职责", "Include the duties of posts it holds (and of its holders)"),
    "duties": ("职责", "Duties"),
    "posts": ("任职", "Posts"),
    "problems": ("存在的问题", "Problems reported"),
    "chain": ("责任链条", "Chain of responsibility"),
    "no_duties": ("文本中没有找到该角色的职责。", "No duties of this role were found in the texts."),
    "no_posts": ("没有关于任职的表述。", "No post holdings are stated."),
    "no_problems": ("文本没有指出与之相关的问题。", "The texts report no problems about it."),
    "no_chain": ("该角色不在任何责任链条中。", "This role is in no chain of responsibility."),
    "chain_legend": ("实线：领导、指导、监督；虚线：担任、兼任。", "Solid: leads, guides, supervises; dashed: holds a post."),
    "reported": ("报道的做法", "reported practice"),
    "quantity": ("数量：{value}", "quantity: {value}"),
    "condition": ("条件：{value}", "condition: {value}"),
    "default_rule": ("原则上", "as a rule"),
    "breached": ("未履行的职责：{value}", "duty breached: {value}"),
    "source_text": ("原文", "Source"),
    # Formulae
    "formulae_title": ("数字化表述", "Numbered formulae"),
    "no_formulae": ("文本中没有找到数字化表述。", "No numbered formulae were found in the texts."),
    "pick_formula": ("选择一个数字化表述", "Choose a formula"),
    "source_filter": ("定义来源", "Defined by"),
    "all": ("全部", "all"),
    "count_check": ("数目核对", "Count check"),
    "defined_by": ("定义来源", "Defined by"),
    "parts": ("组成部分", "Parts"),
    "no_parts": ("文本和术语表都没有列出它的组成部分。", "Neither the text nor the glossary lists its parts."),
    "occurrences": ("文中出现 {count} 处", "Named {count} times in the texts"),
    "formula_table": ("全部数字化表述", "All numbered formulae"),
    "col_name": ("名称", "name"),
    "col_english": ("英文", "English"),
    "col_declared": ("声明数目", "declared"),
    "col_found": ("找到", "found"),
    "col_check": ("核对", "check"),
    "col_source": ("来源", "defined by"),
    # Graph
    "graph_title": ("关系图", "Graph"),
    "graph_help": ("点击图中的节点查看它的事实与原文；点击角色、组织或数字化表述会以它为中心。",
                   "Click a node to see its facts and evidence; clicking a role, organization or formula "
                   "centres the view on it."),
    "center": ("中心节点", "Centre node"),
    "kinds": ("节点类型", "Node types"),
    "documents_filter": ("文档", "Documents"),
    "radius": ("范围（步数）", "Radius (steps)"),
    "node_name": ("名称", "name"),
    "node_kind": ("类型", "type"),
    "no_graph": ("图中还没有节点。", "The graph has no nodes yet."),
    "facts_of": ("「{label}」的事实", "Facts about “{label}”"),
    "no_facts": ("没有相关事实。", "No facts."),
    "more_facts": ("另有 {count} 条未显示。", "{count} more not shown."),
    "too_small": ("筛选后只剩中心节点：放宽类型或文档筛选。",
                  "Only the centre is left after filtering: widen the type or document filters."),
    # Documents
    "documents_title": ("文档与抽取统计", "Documents and extraction statistics"),
    "read_errors": ("以下文件未能读取：", "These files could not be read:"),
    "upload": ("上传 .txt 或 .md 文本（每个不超过 {mb} MB）", "Upload .txt or .md texts (at most {mb} MB each)"),
    "add_uploads": ("加入知识图谱", "Add to the knowledge graph"),
    "remove_uploads": ("移除上传的文档", "Remove uploaded texts"),
    "adding": ("正在把上传的文本加入知识图谱……", "Adding the uploaded texts to the knowledge graph…"),
    "added": ("已加入 {count} 篇文档：{names}。现在可以在“提问”页询问它们。",
              "Added {count} texts: {names}. Ask about them on the Ask page."),
    "nothing_to_add": ("请先选择要上传的文件。", "Choose files to upload first."),
    "already_added": ("{name} 已经加入过了。", "{name} was already added."),
    "too_many_uploads": ("{name} 未加入：每次会话最多上传 {limit} 篇文档。",
                         "{name} was not added: a session may add at most {limit} texts."),
    "upload_error": ("{error}", "{error}"),
    "uploaded_mark": ("上传", "uploaded"),
    "col_doc": ("文档", "document"),
    "col_title": ("标题", "title"),
    "col_characters": ("字数", "characters"),
    "col_sections": ("章节", "sections"),
    "col_sentences": ("句子", "sentences"),
    "col_mentions": ("实体提及", "mentions"),
    "col_formulae": ("数字化表述", "formulae"),
    "col_duties": ("职责", "duties"),
    "col_holdings": ("任职", "posts"),
    "col_problems": ("问题", "problems"),
    "col_chains": ("链条", "chain links"),
    "col_uploaded": ("上传", "uploaded"),
    # SPARQL
    "sparql_title": ("SPARQL 只读查询", "Read-only SPARQL console"),
    "sparql_help": ("可直接使用的前缀：{prefixes}。只接受 SELECT、ASK、CONSTRUCT、DESCRIBE；更新操作会被拒绝。",
                    "Prefixes you can use without declaring them: {prefixes}. Only SELECT, ASK, CONSTRUCT and "
                    "DESCRIBE run; updates are refused."),
    "sparql_example": ("示例查询", "Example queries"),
    "sparql_query": ("查询", "Query"),
    "choose_example": ("选择一个示例，填入下面的查询框", "Pick an example to fill in the query below"),
    "run_query": ("运行查询", "Run query"),
    "refused": ("查询被拒绝：{error}", "Query refused: {error}"),
    "ask_true": ("结果：是（true）", "Result: true"),
    "ask_false": ("结果：否（false）", "Result: false"),
    "rows": ("{count} 行", "{count} rows"),
    "truncated": ("只显示前 {limit} 行。", "Only the first {limit} rows are shown."),
    # Responsibility lists
    "list_title": ("责任清单", "Responsibility list"),
    "list_help": ("每项职责一行：责任主体、经由职务、约束性、频次、条件与原文出处，共 {count} 行。",
                  "One row per duty: bearer, the post that brings it, modality, frequency, condition and the "
                  "quoted source; {count} rows."),
    "download_xlsx": ("下载 Excel (.xlsx)", "Download Excel (.xlsx)"),
    "download_csv": ("下载 CSV (.csv)", "Download CSV (.csv)"),
    # Export
    "export_title": ("导出知识图谱", "Export the knowledge graph"),
    "export_help": ("RDF 图（Turtle、JSON-LD）包括词表、文本结构与全部事实；GraphML 是角色、职责、任职、链条与问题的关系图。",
                    "The RDF graph (Turtle, JSON-LD) holds the vocabulary, the texts' structure and all facts; "
                    "GraphML holds the network of roles, duties, posts, chains and problems."),
    "download_turtle": ("下载 Turtle (.ttl)", "Download Turtle (.ttl)"),
    "download_jsonld": ("下载 JSON-LD (.jsonld)", "Download JSON-LD (.jsonld)"),
    "download_graphml": ("下载 GraphML (.graphml)", "Download GraphML (.graphml)"),
}

EXAMPLES = {
    "zh": ("第一书记要做什么？", "谁担任机关党委第一书记？", "支部委员会会议多久召开一次？", "一会两书三查包括哪些内容？",
           "文中指出了哪些问题？"),
    "en": ("What must a first secretary do?", "Who serves as first secretary of the organ Party committee?",
           "How often must the branch committee meet?", "What does 三会一课 mean?",
           "What problems do the texts report?"),
}

SPARQL_EXAMPLES = {
    "roles": ("角色及其中文名", "Roles and their Chinese names",
              'SELECT ?role ?label WHERE {\n  ?role a kg:Role ; skos:prefLabel ?label .\n'
              '  FILTER(lang(?label) = "zh")\n} ORDER BY ?label LIMIT 50'),
    "duties": ("职责：谁、做什么、多久一次", "Duties: who, what, how often",
               'SELECT ?bearer ?action ?period WHERE {\n  ?duty kg:bearer ?b ; kg:actionText ?action .\n'
               '  ?b skos:prefLabel ?bearer . FILTER(lang(?bearer) = "zh")\n'
               '  OPTIONAL { ?duty kg:period ?period }\n} LIMIT 100'),
    "formulae": ("数字化表述与数目核对", "Numbered formulae and their count check",
                 'SELECT ?name ?declared ?found ?status WHERE {\n'
                 '  ?f a kg:Mechanism ; kg:countStatus ?status ; kg:partsFound ?found ; skos:prefLabel ?name .\n'
                 '  FILTER(lang(?name) = "zh")\n  OPTIONAL { ?f kg:declaredCount ?declared }\n}'),
    "chains": ("责任链条", "Chains of responsibility",
               'SELECT ?superior ?relation ?subordinate WHERE {\n'
               '  ?link a kg:ResponsibilityLink ; kg:superior ?a ; kg:subordinate ?b ; kg:relation ?relation .\n'
               '  ?a skos:prefLabel ?superior . ?b skos:prefLabel ?subordinate .\n'
               '  FILTER(lang(?superior) = "zh" && lang(?subordinate) = "zh")\n}'),
    "problems": ("问题及其原文句子", "Problems with their sentences",
                 'SELECT ?problem ?sentence WHERE {\n'
                 '  ?p a kg:Problem ; kg:description ?problem ; prov:wasDerivedFrom ?s .\n'
                 '  ?s nif:anchorOf ?sentence .\n} LIMIT 50'),
    "prohibited": ("有没有禁止性规定？(ASK)", "Is anything prohibited? (ASK)", "ASK { ?rule a kg:ProhibitionRule }"),
    "holdings": ("任职关系 (CONSTRUCT)", "Post holdings (CONSTRUCT)",
                 "CONSTRUCT { ?holder org:holds ?post } WHERE {\n"
                 "  ?h a kg:PostHolding ; kg:holder ?holder ; kg:post ?post .\n}"),
}


def word(key: str, language: str, **values) -> str:
    """The interface word ``key`` in a language, with ``values`` filled in."""
    zh, en = WORDS[key]
    text = en if language == "en" else zh
    return text.format(**values) if values else text
