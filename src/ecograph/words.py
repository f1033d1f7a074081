"""The catalogue of words: every text ecograph shows to people, in English and French.

Measures return codes (``"finance"``, ``"gatekeeper"``, ``"ei_index"``); the
layers that render (report, views, figures, worklist, command line) turn them
into words here, and nowhere else. Each entry is a key and its two
translations side by side, grouped in sections by the layer that uses them,
so that a missing or mismatched translation is easy to see (a test checks
that every entry has both languages and the same ``{placeholders}``).

* :func:`word` gives one text, filled with its values;
* :func:`label` gives the words for a code of a field (a sphere, a kind, a
  tie type, a role, a measure, a column), the code itself when the
  catalogue does not know it (datasets may add their own codes), and the
  field's "unknown" words for a missing value;
* :func:`section` gives every text of a section (what a view page needs).

Examples
--------
>>> word("common.unknown", "fr")
'inconnu'
>>> label("sphere", "support", "fr"), label("sphere", "", "en"), label("sphere", "circular", "en")
("Structures d'accompagnement", 'Sphere unknown', 'circular')
>>> word("common.n_actors", "fr", n=3)
'3 acteurs'
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["CATALOGUE", "LANGUAGES", "check_language", "date", "is_missing", "label", "names", "number", "section", "word"]

#: Languages ecograph writes.
LANGUAGES = ("en", "fr")

# Each section maps a key to (English, French). Keys are looked up as "<section>.<key>".

COMMON: dict[str, tuple[str, str]] = {
    "unknown": ("unknown", "inconnu"),
    "none": ("None.", "Aucun."),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "n_actors": ("{n} actors", "{n} acteurs"),
    "gap_marked": (
        "Highlighted cells: not known yet (sphere, founding year, scope; on the id, an actor without any known tie). "
        "Please fill them in if you know.",
        "Cellules surlignées : pas encore connu (sphère, année de création, échelle ; sur l'identifiant, un acteur "
        "sans aucun lien connu). Merci de les compléter si vous savez.",
    ),
    "synthetic": (
        "SYNTHETIC DATA: every figure below describes generated data, not a real territory.",
        "DONNÉES SYNTHÉTIQUES : tous les chiffres ci-dessous décrivent des données générées, pas un territoire réel.",
    ),
    # people's pseudonyms (ecograph.privacy)
    "pseudonym": ("Person {n}", "Personne {n}"),
    "hidden_person": ("(hidden person)", "(personne masquée)"),
    "personal_data_hidden": ("(personal data hidden)", "(données personnelles masquées)"),
}

# The bundled example datasets' own texts (ecograph.datasets): generated names, titles, descriptions.
DATASETS: dict[str, tuple[str, str]] = {
    "synthetic.actor": ("Synthetic actor {n}", "Acteur synthétique {n}"),
    "synthetic.person": ("Person {n}", "Personne {n}"),
    "synthetic.title": ("Synthetic ecosystem of {n:,} actors (seed {seed})", "Écosystème synthétique de {n:,} acteurs (graine {seed})"),
    "synthetic.territory": ("none: generated data", "aucun : données générées"),
    "synthetic.source": (
        "synthetic data (ecograph.datasets.synthetic, seed={seed})",
        "données synthétiques (ecograph.datasets.synthetic, seed={seed})",
    ),
    "synthetic.description": (
        "Generated data calibrated on the 2018 Dijon study; it describes no real territory.",
        "Données générées, calibrées sur l'étude de Dijon de 2018 ; elles ne décrivent aucun territoire réel.",
    ),
    "karate.title": ("Zachary's karate club", "Le club de karaté de Zachary"),
    "karate.territory": (
        "a university karate club in the United States, 1970–1972",
        "un club de karaté universitaire aux États-Unis, 1970–1972",
    ),
    "karate.member": ("Member {n}", "Membre {n}"),
    "karate.mr_hi": ("Mr. Hi's faction", "Faction de Mr. Hi"),
    "karate.officer": ("Officer's faction", "Faction du responsable"),
    "karate.kind": ("A member of the karate club", "Un membre du club de karaté"),
    "karate.type": ("The two members met outside the club's classes", "Les deux membres se voyaient en dehors des cours du club"),
    "karate.group": ("faction", "faction"),
}

# Codes of the vocabularies (schema fields): "<field>.<code>"; "<field>." is the missing value.
VOCABULARY: dict[str, tuple[str, str]] = {
    "sphere.consumption": ("Consumption", "Consommation"),
    "sphere.production": ("Production", "Production"),
    "sphere.finance": ("Finance", "Finance"),
    "sphere.innovation": ("Innovation", "Innovation"),
    "sphere.support": ("Support structures", "Structures d'accompagnement"),
    "sphere.": ("Sphere unknown", "Sphère inconnue"),
    "kind.initiative": ("initiative", "initiative"),
    "kind.support_structure": ("support structure", "structure d'accompagnement"),
    "kind.institution": ("institution", "institution"),
    "kind.school": ("school", "école"),
    "kind.company": ("company", "entreprise"),
    "kind.platform": ("platform", "plateforme"),
    "kind.funder": ("funder", "financeur"),
    "kind.place": ("place", "lieu"),
    "kind.territory": ("territory", "territoire"),
    "kind.event": ("event", "événement"),
    "kind.programme": ("programme", "programme"),
    "kind.recommendation": ("recommendation", "préconisation"),
    "kind.": ("kind unknown", "type inconnu"),
    "scope.local": ("local", "locale"),
    "scope.regional": ("regional", "régionale"),
    "scope.national": ("national", "nationale"),
    "scope.international": ("international", "internationale"),
    "scope.elsewhere": ("elsewhere", "ailleurs"),
    "scope.": ("scope unknown", "portée inconnue"),
    "type.partnership": ("partnership", "partenariat"),
    "type.support": ("support", "accompagnement"),
    "type.funding": ("funding", "financement"),
    "type.hosting": ("hosting", "hébergement"),
    "type.membership": ("membership", "adhésion"),
    "type.co_organisation": ("co-organisation", "co-organisation"),
    "type.supply": ("supply", "fourniture"),
    "type.spin_off": ("spin-off", "essaimage"),
    "type.participation": ("participation", "participation"),
    "type.inspiration": ("inspiration", "inspiration"),
    "type.people": ("through people (shared or moving)", "par des personnes (en commun ou de passage)"),
    "type.": ("type unknown", "type inconnu"),
    "yes_no.yes": ("yes", "oui"),
    "yes_no.no": ("no", "non"),
    "yes_no.": ("not said", "non précisé"),
    "tie_status.stated": ("stated", "attesté"),
    "tie_status.proposed": ("proposed", "proposé"),
    "tie_status.cited": ("cited", "cité en exemple"),
    "tie_status.": ("status unknown", "statut inconnu"),
    "sphere_status.stated": ("stated by the source", "indiquée par la source"),
    "sphere_status.inferred": ("inferred from the source's definitions", "déduite des définitions de la source"),
    "sphere_status.": ("not checked", "non vérifiée"),
    "column.sphere": ("sphere", "sphère"),
    "column.kind": ("kind", "type"),
    "column.scope": ("scope", "portée"),
    "column.founded": ("founding year", "année de création"),
    "role.founder": ("founder", "fondateur ou fondatrice"),
    "role.employee": ("employee", "salarié·e"),
    "role.volunteer": ("volunteer", "bénévole"),
    "role.board": ("board member", "membre du bureau ou du conseil"),
    "role.member": ("member", "membre"),
    "role.mentor": ("mentor", "mentor"),
    "role.student": ("student", "étudiant·e"),
    "role.speaker": ("speaker", "intervenant·e"),
    "role.consultant": ("consultant", "consultant·e"),
    "role.other": ("other role", "autre rôle"),
    "role.": ("role unknown", "rôle inconnu"),
    "kind.fund": ("fund", "fonds"),
    "tie_status.declared": ("declared by a respondent", "déclaré par un répondant"),
    "tie_status.confirmed": ("declared by both actors", "déclaré par les deux acteurs"),
}

# Names of measures, statistics and roles the measures layer returns as codes, and why a measure
# cannot be computed. Read names with label("measures.name", code), roles with
# label("measures.role", code) (main_role "" is word("measures.role.none"); None, an actor of
# unknown group, gives "measures.role."), reasons with label("measures.reason", code), and the
# coverage sentences with word("measures.coverage", lang, **coverage.to_dict()).
MEASURES: dict[str, tuple[str, str]] = {
    # what an Analysis and its communities say of themselves (Analysis.text, Communities.text)
    "analysis": (
        "Analysis of '{name}': {actors:p|actor|actors}, {ties:p|tie|ties}, grouped by {group}, seed {seed}",
        "Analyse de « {name} » : {actors:p|acteur|acteurs}, {ties:p|lien|liens}, regroupés par {group}, graine {seed}",
    ),
    "analysis_engine": ("; computed by {engine}", " ; calculée par {engine}"),
    "communities": (
        "{n:p|community|communities} found by {method} (seed {seed}), modularity {modularity:.4f}",
        "{n:p|communauté trouvée|communautés trouvées} par {method} (graine {seed}), modularité {modularity:.4f}",
    ),
    "name.actors": ("actors", "acteurs"),
    "name.ties": ("ties", "liens"),
    "name.density": ("density", "densité"),
    "name.mean_degree": ("ties per actor", "liens par acteur"),
    "name.components": ("components", "composantes"),
    "name.largest_component_share": ("share of actors in the largest component", "part des acteurs dans la plus grande composante"),
    "name.isolates": ("isolated actors", "acteurs isolés"),
    "name.block_density": ("density between and within groups", "densité entre et dans les groupes"),
    "name.mixing_matrix": ("ties between and within groups", "liens entre et dans les groupes"),
    "name.ei_index": ("E-I index", "indice E-I"),
    "name.modularity": ("modularity of the communities", "modularité des communautés"),
    "name.group_modularity": ("modularity of the groups", "modularité des groupes"),
    "name.cross_group_density": ("density of ties between groups", "densité des liens entre groupes"),
    "name.group_modularity_of": ("modularity of the {groups}", "modularité des {groups}"),
    "name.cross_group_density_of": ("density of ties between {groups}", "densité des liens entre {groups}"),
    "name.group_known_actors": ("actors whose group is known", "acteurs dont le groupe est connu"),
    "name.group_known_ties": ("ties between two actors of known group", "liens entre deux acteurs de groupe connu"),
    "name.known_neighbours": ("neighbours of known group", "voisins de groupe connu"),
    "name.degree": ("ties", "liens"),
    "name.betweenness": ("betweenness", "intermédiarité"),
    "name.participation": ("participation coefficient", "coefficient de participation"),
    "name.constraint": ("constraint", "contrainte"),
    "name.effective_size": ("effective size", "taille effective"),
    "name.brokerage": ("brokerage", "courtage"),
    "name.nmi": ("normalised mutual information", "information mutuelle normalisée"),
    "name.adjusted_rand": ("adjusted Rand index", "indice de Rand ajusté"),
    "name.top_brokers": ("top brokers kept", "principaux intermédiaires conservés"),
    "name.arcs": ("arcs (a tie each way counts twice)", "arcs (un lien dans les deux sens compte deux fois)"),
    "name.reciprocity": (
        "share of arcs returned (reciprocity; an undirected tie counts as returned)",
        "part des arcs rendus (réciprocité ; un lien non orienté compte comme rendu)",
    ),
    "name.mutual_pairs": ("pairs tied both ways", "paires liées dans les deux sens"),
    "name.asymmetric_pairs": ("pairs tied one way only", "paires liées dans un seul sens"),
    "name.directed_density": ("density of arcs", "densité des arcs"),
    "name.valued_density": ("mean weight of a possible arc (valued density)", "poids moyen d'un arc possible (densité valuée)"),
    "name.valued_ei_index": ("E-I index on weights", "indice E-I sur les poids"),
    "role.coordinator": ("coordinator", "coordinateur"),
    "role.itinerant": ("itinerant (consultant)", "itinérant (consultant)"),
    "role.gatekeeper": ("gatekeeper", "gardien"),
    "role.representative": ("representative", "représentant"),
    "role.liaison": ("liaison", "agent de liaison"),
    "role.none": ("no brokerage role", "aucun rôle d'intermédiaire"),
    "role.": ("role unknown (group unknown)", "rôle inconnu (groupe inconnu)"),
    "group.": ("group unknown", "groupe inconnu"),
    "reason.no_known_group": ("Cannot be computed: no actor's group is known.", "Incalculable : le groupe d'aucun acteur n'est connu."),
    "reason.one_known_group": (
        "Cannot be computed: the actors whose group is known all belong to one group.",
        "Incalculable : les acteurs dont le groupe est connu appartiennent tous au même groupe.",
    ),
    "reason.no_known_tie": (
        "Cannot be computed: no tie joins two actors whose group is known.",
        "Incalculable : aucun lien ne relie deux acteurs dont le groupe est connu.",
    ),
    "coverage": (
        "{actors_known} of {actors} actors have a known group; {ties_known} of {ties} ties join two of them.",
        "{actors_known} {actors_known:w|acteur|acteurs} sur {actors} {actors_known:w|a|ont} un groupe connu ; {ties_known} {ties_known:w|lien|liens} sur {ties} {ties_known:w|relie|relient} deux d'entre eux.",
    ),
    "coverage_of": (
        "{actors_known} of {actors} actors have a known {group}; {ties_known} of {ties} ties join two of them.",
        "{actors_known} {actors_known:w|acteur|acteurs} sur {actors} {actors_known:w|a|ont} {une} {group} connu{e} ; {ties_known} {ties_known:w|lien|liens} sur {ties} {ties_known:w|relie|relient} deux d'entre eux.",
    ),
    "coverage_moves": (
        "{actors_known} of {actors} actors have a known group; {ties_known} of {ties} moves join two of them.",
        "{actors_known} {actors_known:w|acteur|acteurs} sur {actors} {actors_known:w|a|ont} un groupe connu ; {ties_known} {ties_known:w|mouvement|mouvements} sur {ties} {ties_known:w|relie|relient} deux d'entre eux.",
    ),
    "withheld": (
        "Not shown: this figure rests on {share:.0%} of the data, below the {threshold:.0%} it needs.",
        "Non affiché : ce chiffre repose sur {share:.0%} des données, en dessous des {threshold:.0%} nécessaires.",
    ),
    "unlock_ties": (
        "Knowing the group of the actors at both ends of {needed} more ties would unlock it.",
        "Connaître le groupe des acteurs aux deux bouts de {needed} liens de plus permettrait de le calculer.",
    ),
    "unlock_actors": (
        "Knowing the group of {needed} more actors would unlock it.",
        "Connaître le groupe de {needed} acteurs de plus permettrait de le calculer.",
    ),
    "ask_first": ("Whose group to ask first: {names}.", "Les acteurs dont il faut d'abord connaître le groupe : {names}."),
}

# Findings (ecograph.findings): the questions, what the data say, how sure, what to do, what cannot be said yet.
FINDINGS: dict[str, tuple[str, str]] = {
    "group.sphere": ("sphere", "sphère"),
    "groups.sphere": ("spheres", "sphères"),
    "group.": ("group", "groupe"),
    "groups.": ("groups", "groupes"),
    "question.ties": ("Are the ties dense enough?", "Les liens sont-ils assez denses ?"),
    "question.fragmentation": ("Is the network in one piece?", "Le réseau tient-il en un seul morceau ?"),
    "question.connectors": ("Who connects the others?", "Qui relie les autres ?"),
    "question.spheres": ("Do the {groups} talk to each other?", "Les {groups} se parlent-{elles} ?"),
    "question.communities": ("Which groups know each other?", "Quels groupes se connaissent ?"),
    "question.fragility": ("What does the network hang on?", "À quoi tient le réseau ?"),
    "question.flows": ("Do people move between structures?", "Les personnes circulent-elles entre les structures ?"),
    "question.evolution": ("How is the ecosystem changing?", "Comment l'écosystème évolue-t-il ?"),
    "sentence.evolution": (
        "{recent} of the {known} actors whose founding year is known were founded in {since} or later ({recent_share:.0%}).",
        "{recent} des {known} acteurs dont l'année de création est connue ont été créés en {since} ou après ({recent_share:.0%}).",
    ),
    "confidence.dated": (
        "A count on the {known} actors of {actors} whose founding year is known.",
        "Décompte sur les {known} acteurs sur {actors} dont l'année de création est connue.",
    ),
    "action.support_young": (
        "Give young structures the support they need to last (funding, HR, jobs).",
        "Accompagner les jeunes structures pour qu'elles durent (financement, RH, emploi).",
    ),
    "withheld.few_dates": (
        "Cannot be said yet: the founding year is known for {known} of the {actors} actors, below the {threshold:.0%} needed to follow the years.",
        "Impossible à dire pour l'instant : l'année de création n'est connue que pour {known} des {actors} acteurs, en dessous des {threshold:.0%} nécessaires pour suivre les années.",
    ),
    "unlock.years": (
        "Knowing the founding year of {needed:p|more actor|more actors} would unlock it.",
        "Connaître l'année de création de {needed:p|acteur de plus|acteurs de plus} permettrait de conclure.",
    ),
    "sentence.ties": (
        "{m:p|tie is|ties are} known between the {n} actors: {density:.1%} of the ties possible; {isolates:p|actor has|actors have} no known tie.",
        "{m:p|lien est connu|liens sont connus} entre les {n} acteurs : {density:.1%} des liens possibles ; {isolates:p|acteur n'a|acteurs n'ont} aucun lien connu.",
    ),
    "sentence.fragmentation": (
        "The largest connected part gathers {largest} actors ({share:.0%}); {others:p|other part is|other parts are} cut off from it, including {isolates:p|single actor|single actors} without a known tie.",
        "Le plus grand ensemble relié réunit {largest} acteurs ({share:.0%}) ; {others:p|autre ensemble en est séparé|autres ensembles en sont séparés}, dont {isolates:p|acteur seul|acteurs seuls}, sans lien connu.",
    ),
    "sentence.connectors": (
        "The actors most often on the shortest paths between the others are {names}.",
        "Les acteurs le plus souvent sur les plus courts chemins entre les autres sont {names}.",
    ),
    "sentence.spheres_inside": (
        "Ties stay inside the {groups} more than chance would: E-I index {ei:+.2f} (−1: all inside, +1: all across), where {groups} given at random would give {expected:+.2f}.",
        "Les liens restent à l'intérieur des {groups} plus que le hasard ne le voudrait : indice E-I de {ei:+.2f} (−1 : tous à l'intérieur, +1 : tous entre {groups}), quand des {groups} tiré{e}s au hasard donneraient {expected:+.2f}.",
    ),
    "sentence.spheres_across": (
        "Ties cross the {groups} more than chance would: E-I index {ei:+.2f} (−1: all inside, +1: all across), against {expected:+.2f} at random.",
        "Les liens traversent les {groups} plus que le hasard : indice E-I de {ei:+.2f} (−1 : tous à l'intérieur, +1 : tous entre {groups}), contre {expected:+.2f} au hasard.",
    ),
    "sentence.spheres_chance": (
        "The {groups} mix about as much as chance would: E-I index {ei:+.2f} (−1: all inside, +1: all across), against {expected:+.2f} at random.",
        "Les {groups} se mélangent à peu près comme le voudrait le hasard : indice E-I de {ei:+.2f} (−1 : tous à l'intérieur, +1 : tous entre {groups}), contre {expected:+.2f} au hasard.",
    ),
    "sentence.communities": (
        "The actors with ties form {n_groups} groups that know each other more than the rest (modularity {q:.2f}); the largest has {largest} actors.",
        "Les acteurs reliés forment {n_groups} groupes qui se connaissent entre eux plus qu'avec le reste (modularité {q:.2f}) ; le plus grand compte {largest} acteurs.",
    ),
    "sentence.communities_pieces": (
        "The actors with ties form {n_groups} groups, which are the network's separate pieces: no known tie joins two of them; the largest has {largest} actors.",
        "Les acteurs reliés forment {n_groups} groupes, qui sont les morceaux séparés du réseau : aucun lien connu n'en relie deux ; le plus grand compte {largest} acteurs.",
    ),
    "sentence.communities_weak": (
        "The actors with ties form {n_groups} groups (modularity {q:.2f}), but no more distinct than ties placed at random would make them.",
        "Les acteurs reliés forment {n_groups} groupes (modularité {q:.2f}), mais pas plus distincts que ne le donneraient des liens placés au hasard.",
    ),
    "sentence.fragility": (
        "If “{name}” left, {cut_off:p|actor|actors} would be cut off from the rest of the network ({cut_points:p|actor plays|actors play} such a role).",
        "Si « {name} » se retirait, {cut_off:p|acteur serait coupé|acteurs seraient coupés} du reste du réseau ({cut_points:p|acteur joue|acteurs jouent} un tel rôle).",
    ),
    "sentence.flows": (
        "{n:p|move|moves} of people between structures {n:w|is|are} recorded: {moves}.",
        "{n:p|passage|passages} de personnes d'une structure à une autre {n:w|est enregistré|sont enregistrés} : {moves}.",
    ),
    "sentence.flows_more": (
        "{n:p|move|moves} of people between structures {n:w|is|are} recorded, among them {moves}, and {more:p|other|others} (the people moves table lists them all).",
        "{n:p|passage|passages} de personnes d'une structure à une autre {n:w|est enregistré|sont enregistrés}, dont {moves}, et {more:p|autre|autres} (le tableau des passages de personnes les liste tous).",
    ),
    "confidence.lower_bound": (
        "A minimum: only the ties recorded are counted, and more will be found as the map is completed; and were {share:.0%} of the actors recorded missing at random, the density would stay between {low:.2%} and {high:.2%} (this range is about missing actors: ties not yet recorded can only raise it).",
        "Un minimum : seuls les liens relevés sont comptés, d'autres apparaîtront à mesure que la carte se complète ; et si {share:.0%} des acteurs relevés manquaient au hasard, la densité resterait entre {low:.2%} et {high:.2%} (cette fourchette porte sur des acteurs manquants : les liens non encore relevés ne peuvent que l'augmenter).",
    ),
    "confidence.few_paths": (
        "Only {on_paths:p|actor lies|actors lie} on any shortest path between others: a ranking to check with the actors as ties are recorded.",
        "Seuls {on_paths:p|acteur se trouve|acteurs se trouvent} sur un plus court chemin entre d'autres : un classement à vérifier avec les acteurs à mesure que les liens sont relevés.",
    ),
    "confidence.resampled": (
        "If {share:.0%} of the actors were missing at random, the density would stay between {low:.2%} and {high:.2%}.",
        "Si {share:.0%} des acteurs manquaient au hasard, la densité resterait entre {low:.2%} et {high:.2%}.",
    ),
    "confidence.known_ties_whole": (
        "A count on the ties known today: ties not yet recorded can only add paths.",
        "Décompte sur les liens connus aujourd'hui : des liens non encore relevés ne peuvent qu'ajouter des chemins.",
    ),
    "confidence.known_ties": (
        "A count on the ties known today: ties not yet recorded may join these parts.",
        "Décompte sur les liens connus aujourd'hui : des liens non encore relevés peuvent relier ces ensembles.",
    ),
    "confidence.known_paths": (
        "A count on the ties known today: ties not yet recorded may offer other paths.",
        "Décompte sur les liens connus aujourd'hui : des liens non encore relevés peuvent offrir d'autres chemins.",
    ),
    "confidence.stable_ranking": (
        "With 10% of the actors missing at random, {kept:.0%} of the top {k} stay in the top {k}: a ranking that holds.",
        "Avec 10 % des acteurs manquant au hasard, {kept:.0%} des {k} premiers restent parmi les {k} premiers : un classement solide.",
    ),
    "confidence.fragile_ranking": (
        "With 10% of the actors missing at random, only {kept:.0%} of the top {k} stay in the top {k}: a fragile ranking, to check with the actors.",
        "Avec 10 % des acteurs manquant au hasard, seuls {kept:.0%} des {k} premiers restent parmi les {k} premiers : un classement fragile, à vérifier avec les acteurs.",
    ),
    "confidence.unchecked_ranking": (
        "Not checked against missing data at this size (betweenness is estimated from a sample of actors here: the check would measure the estimate's own error); rankings of connectors are known to be fragile.",
        "Non vérifié face aux données manquantes à cette taille (l'intermédiarité y est estimée sur un échantillon d'acteurs : la vérification mesurerait l'erreur de l'estimation elle-même) ; les classements de connecteurs sont réputés fragiles.",
    ),
    "confidence.permutation_inside": (
        "Permutation test ({permutations:,} random relabellings of the known {groups}): {p:pvalue}.",
        "Test par permutation ({permutations:,} réattributions au hasard des {groups} connu{e}s) : {p:pvalue}.",
    ),
    "confidence.permutation_across": (
        "Permutation test ({permutations:,} random relabellings of the known {groups}): {p:pvalue}.",
        "Test par permutation ({permutations:,} réattributions au hasard des {groups} connu{e}s) : {p:pvalue}.",
    ),
    "confidence.permutation_chance": (
        "Permutation test ({permutations:,} random relabellings of the known {groups}): no clear difference ({p:pvalue}).",
        "Test par permutation ({permutations:,} réattributions au hasard des {groups} connu{e}s) : pas d'écart net ({p:pvalue}).",
    ),
    "confidence.beyond_chance": (
        "Networks rewired at random, each actor keeping its number of ties, reach {mean:.2f} on average ({samples} rewirings): the observed modularity is {z:.1f} standard deviations above.",
        "Des réseaux rebranchés au hasard, chaque acteur gardant son nombre de liens, atteignent {mean:.2f} en moyenne ({samples} tirages) : la modularité observée les dépasse de {z:.1f} écarts-types.",
    ),
    "confidence.pieces": (
        "Groups found in a network in pieces follow the pieces: they say nothing of who knows whom inside a piece, and the ties missing between pieces weigh more than any group.",
        "Des groupes trouvés dans un réseau en morceaux suivent les morceaux : ils ne disent rien de qui connaît qui à l'intérieur d'un morceau, et les liens manquant entre morceaux pèsent plus que tout groupe.",
    ),
    "confidence.not_beyond_chance": (
        "Networks rewired at random with the same number of ties per actor reach {mean:.2f} on average ({samples} rewirings): too close to tell (z = {z:.1f}).",
        "Des réseaux rebranchés au hasard, chaque acteur gardant son nombre de liens, atteignent {mean:.2f} en moyenne ({samples} tirages) : trop proche pour conclure (z = {z:.1f}).",
    ),
    "confidence.count": (
        "Moves recorded in the sources for {people:p|person|people}; moves not recorded are not counted.",
        "Passages relevés dans les sources pour {people:p|personne|personnes} ; ceux qui n'ont pas été relevés ne sont pas comptés.",
    ),
    "action.map_ties": (
        "Complete the map: ask the actors without a known tie ({isolates}) whom they work with (the gaps workbook lists them).",
        "Compléter la carte : demander aux acteurs sans lien connu ({isolates}) avec qui ils travaillent (le classeur des manques les liste).",
    ),
    "action.introduce": (
        "Bring in the actors left out: {introduced} of the {listed} actors of the territory on the worklist {introduced:w|has|have} a suggested introducer.",
        "Faire entrer les acteurs laissés à l'écart : {introduced} des {listed} acteurs du territoire sur la liste de travail {introduced:w|a|ont} un introducteur suggéré.",
    ),
    "action.introduce_all": (
        "Bring in the actors left out: on the worklist, {listed:p|actor of the territory has|actors of the territory each have} a suggested introducer.",
        "Faire entrer les acteurs laissés à l'écart : sur la liste de travail, {listed:p|acteur du territoire a|acteurs du territoire ont chacun} un introducteur suggéré.",
    ),
    "action.rely_on_connectors": (
        "Involve them in animating the network, and share the load so as not to wear them out.",
        "Les associer à l'animation du réseau, en partageant la charge pour ne pas les épuiser.",
    ),
    "action.spheres_inside": (
        "Create occasions across {groups} (joint events, visits) so that they get to know each other.",
        "Créer des occasions entre {groups} (événements communs, visites) pour qu'{elles} se connaissent.",
    ),
    "action.spheres_across": (
        "Keep these ties across {groups} alive, and check them at the next mapping.",
        "Entretenir ces liens entre {groups}, et les vérifier à la prochaine cartographie.",
    ),
    "action.spheres_chance": (
        "Check the mix between {groups} again at the next mapping.",
        "Revérifier le mélange entre {groups} à la prochaine cartographie.",
    ),
    "action.cross_groups": (
        "Bring these groups together (meetings, a shared place): on the ties recorded, acquaintance stops at their edges.",
        "Faire se rencontrer ces groupes (réunions, lieu commun) : d'après les liens relevés, l'interconnaissance s'arrête à leurs frontières.",
    ),
    "action.backup_ties": (
        "Build other ties around “{name}”, so that its part of the network does not hang on one actor.",
        "Tisser d'autres liens autour de « {name} », pour que cette partie du réseau ne dépende pas d'un seul acteur.",
    ),
    "action.follow_people": (
        "Record people's moves at each update: they carry know-how between structures.",
        "Relever les passages de personnes à chaque mise à jour : ils font circuler les savoir-faire entre structures.",
    ),
    "recommendations": ("What the source proposes: {items}.", "Ce que la source propose : {items}."),
    "recommendation": ("“{name}”", "« {name} »"),
    "recommendation_carried": ("“{name}” (proposed carriers: {carriers})", "« {name} » (porteurs proposés : {carriers})"),
    "withheld.no_known_tie": (
        "Cannot be said yet: the {group} is known for {known} of the {actors} actors, and no known tie joins two of them.",
        "Impossible à dire pour l'instant : {la}{group} n'est connu{e} que pour {known} des {actors} acteurs, et aucun lien connu ne relie deux d'entre eux.",
    ),
    "withheld.no_known_group": (
        "Cannot be said yet: no actor's {group} is known.",
        "Impossible à dire pour l'instant : {la}{group} d'aucun acteur n'est connu{e}.",
    ),
    "withheld.one_known_group": (
        "Cannot be said yet: the actors whose {group} is known all share one.",
        "Impossible à dire pour l'instant : un{e} seul{e} {group} est connu{e} parmi les acteurs.",
    ),
    "withheld.low_coverage": (
        "Cannot be said yet: only {share:.0%} of the ties join two actors of known {group}, below the {threshold:.0%} a finding needs.",
        "Impossible à dire pour l'instant : seuls {share:.0%} des liens relient deux acteurs de {group} connu{e}, en dessous des {threshold:.0%} nécessaires.",
    ),
    "withheld.no_affiliations": (
        "Cannot be said: the data hold no affiliation of people to structures.",
        "Impossible à dire : les données ne contiennent aucune affiliation de personnes à des structures.",
    ),
    "withheld.no_moves": (
        "Cannot be said yet: the affiliations recorded show no move of a person from one structure to another.",
        "Impossible à dire pour l'instant : les affiliations relevées ne montrent aucun passage d'une personne d'une structure à une autre.",
    ),
    "unlock.ties": (
        "Knowing the {group} at both ends of {needed:p|more tie|more ties} would unlock it.",
        "Connaître {la}{group} des deux bouts de {needed:p|lien de plus|liens de plus} permettrait de conclure.",
    ),
    "sentence.ties_none": ("No tie is known between the {n} actors yet.", "Aucun lien n'est encore connu entre les {n} acteurs."),
    "confidence.no_ties": (
        "A count of the tables: no tie is recorded, so no measure of the network can be computed.",
        "Décompte des tables : aucun lien n'est relevé, aucune mesure du réseau ne peut donc être calculée.",
    ),
    "action.map_first_ties": (
        "Start the map of ties: ask each actor whom it works with (the gaps workbook lists them).",
        "Commencer la carte des liens : demander à chaque acteur avec qui il travaille (le classeur des manques les liste).",
    ),
    "sentence.ties_all_tied": (
        "{m:p|tie is|ties are} known between the {n} actors: {density:.1%} of the ties possible; every actor has at least one known tie.",
        "{m:p|lien est connu|liens sont connus} entre les {n} acteurs : {density:.1%} des liens possibles ; chaque acteur a au moins un lien connu.",
    ),
    "action.update_ties": (
        "Keep the map up to date: at each update, ask the actors whom they have started or stopped working with.",
        "Tenir la carte à jour : à chaque mise à jour, demander aux acteurs avec qui ils ont commencé ou cessé de travailler.",
    ),
    "sentence.fragmentation_whole": (
        "All {largest} actors are in one connected part: each can reach every other through known ties.",
        "Les {largest} acteurs forment un seul ensemble relié : chacun peut atteindre tous les autres par des liens connus.",
    ),
    "sentence.fragmentation_tied": (
        "The {tied} largest connected parts gather {largest} actors each ({share:.0%} each); {others:p|other part is|other parts are} cut off from them, including {isolates:p|single actor|single actors} without a known tie.",
        "Les {tied} plus grands ensembles reliés réunissent chacun {largest} acteurs ({share:.0%} chacun) ; {others:p|autre ensemble en est séparé|autres ensembles en sont séparés}, dont {isolates:p|acteur seul|acteurs seuls}, sans lien connu.",
    ),
    "sentence.fragmentation_tied_no_isolate": (
        "The {tied} largest connected parts gather {largest} actors each ({share:.0%} each); {others:p|other part is|other parts are} cut off from them, none of them a single actor.",
        "Les {tied} plus grands ensembles reliés réunissent chacun {largest} acteurs ({share:.0%} chacun) ; {others:p|autre ensemble en est séparé|autres ensembles en sont séparés}, aucun n'étant un acteur seul.",
    ),
    "sentence.fragmentation_no_isolate": (
        "The largest connected part gathers {largest} actors ({share:.0%}); {others:p|other part is|other parts are} cut off from it, none of them a single actor.",
        "Le plus grand ensemble relié réunit {largest} acteurs ({share:.0%}) ; {others:p|autre ensemble en est séparé|autres ensembles en sont séparés}, aucun n'étant un acteur seul.",
    ),
    "action.introduce_unscoped": (
        "Bring in the actors left out: {introduced} of the {listed} actors on the worklist {introduced:w|has|have} a suggested introducer.",
        "Faire entrer les acteurs laissés à l'écart : {introduced} des {listed} acteurs de la liste de travail {introduced:w|a|ont} un introducteur suggéré.",
    ),
    "action.introduce_all_unscoped": (
        "Bring in the actors left out: on the worklist, {listed:p|actor has|actors each have} a suggested introducer.",
        "Faire entrer les acteurs laissés à l'écart : sur la liste de travail, {listed:p|acteur a|acteurs ont chacun} un introducteur suggéré.",
    ),
    "action.none_to_reach_unscoped": (
        "On the ties recorded, no organisation is left out: check again at the next mapping.",
        "D'après les liens relevés, aucune organisation n'est laissée à l'écart : revérifier à la prochaine cartographie.",
    ),
    "withheld.no_dates": (
        "Cannot be said yet: no actor's founding year is known.",
        "Impossible à dire pour l'instant : l'année de création d'aucun acteur n'est connue.",
    ),
    "action.tie_in_edge": (
        "Strengthen the edge of the network: {listed:p|actor hangs|actors hang} on one tie or {listed:w|reaches|reach} few others (the worklist); a second tie, through the introducers it suggests, would hold {listed:w|it|them} in.",
        "Renforcer les bords du réseau : {listed:p|acteur tient|acteurs tiennent} à un seul lien ou {listed:w|atteint|atteignent} peu d'autres (la liste de travail) ; un second lien, par les introducteurs qu'elle suggère, {listed:w|le|les} retiendrait.",
    ),
    "action.none_to_reach": (
        "On the ties recorded, no actor of the territory is left out: check again at the next mapping.",
        "D'après les liens relevés, aucun acteur du territoire n'est laissé à l'écart : revérifier à la prochaine cartographie.",
    ),
    "action.introduce_none": (
        "Bring in the actors left out ({listed} on the worklist): the data suggest no introducer for them yet; ask the support structures who knows them.",
        "Faire entrer les acteurs laissés à l'écart ({listed} sur la liste de travail) : les données ne suggèrent encore aucun introducteur ; demander aux structures d'accompagnement qui les connaît.",
    ),
    "sentence.connectors_top": (
        "{connectors} organisations connect the others (the connectors); the most often on the shortest paths between them are {names}.",
        "{connectors} organisations relient les autres (les connecteurs) ; les plus souvent sur les plus courts chemins entre elles sont {names}.",
    ),
    "sentence.connectors_pieces": (
        "Within their own connected part (the largest has {largest} actors), the actors most often on the shortest paths between the others are {names}.",
        "Au sein de leur propre ensemble relié (le plus grand compte {largest} acteurs), les acteurs le plus souvent sur les plus courts chemins entre les autres sont {names}.",
    ),
    "sentence.connectors_top_pieces": (
        "{connectors} organisations connect the others within their own connected part, the largest of which has {largest} actors (the connectors); the most often on the shortest paths between them are {names}.",
        "{connectors} organisations relient les autres au sein de leur propre ensemble relié, dont le plus grand compte {largest} acteurs (les connecteurs) ; les plus souvent sur les plus courts chemins entre elles sont {names}.",
    ),
    "sentence.connectors_one_pieces": (
        "Within its own connected part (the largest has {largest} actors), the actor most often on the shortest paths between the others is {names}.",
        "Au sein de son propre ensemble relié (le plus grand compte {largest} acteurs), l'acteur le plus souvent sur les plus courts chemins entre les autres est {names}.",
    ),
    "sentence.connectors_one": (
        "The actor most often on the shortest paths between the others is {names}.",
        "L'acteur le plus souvent sur les plus courts chemins entre les autres est {names}.",
    ),
    "action.rely_on_connector": (
        "Involve it in animating the network, and share the load so as not to wear it out.",
        "L'associer à l'animation du réseau, en partageant la charge pour ne pas l'épuiser.",
    ),
    "action.map_before_groups": (
        "Do not read these groups as closed circles: record more ties before drawing conclusions from them.",
        "Ne pas lire ces groupes comme des cercles fermés : relever davantage de liens avant d'en tirer des conclusions.",
    ),
    "unlock.other_group": (
        "Knowing actors of another {group} would unlock it.",
        "Connaître des acteurs d'{une} autre {group} permettrait de conclure.",
    ),
    "unlock.stated_groups": (
        "A {group} stated by the source or by the actors themselves, not inferred, would unlock it.",
        "{Une} {group} indiqué{e} par la source ou par les acteurs eux-mêmes, et non déduit{e}, permettrait de conclure.",
    ),
    "unlock.first_ties": (
        "Recording ties between actors whose {group} is known would unlock it.",
        "Relever des liens entre acteurs dont {la}{group} est connu{e} permettrait de conclure.",
    ),
    "unlock.ask": ("Ask first: {names}.", "À demander d'abord : {names}."),
    "unlock.beyond_spheres": (
        "Knowing more spheres would not be enough: {reachable} of the {ties} ties join two actors to which a sphere can apply "
        "(the others touch an institution, funder, school, programme or event, which has none). Record ties between "
        "structures and initiatives first.",
        "Connaître plus de sphères ne suffirait pas : {reachable} des {ties} liens relient deux acteurs auxquels une sphère peut "
        "s'appliquer (les autres touchent une institution, un financeur, une école, un programme ou un événement, qui n'en ont "
        "pas). Relever d'abord des liens entre structures et initiatives.",
    ),
    "unlock.affiliations": (
        "Record who worked where, and when (the people and affiliations tables).",
        "Relever qui a travaillé où, et quand (tables des personnes et des affiliations).",
    ),
}

# Column headers of the tables shown to people (CSV and XLSX files keep the codes).
COLUMNS: dict[str, tuple[str, str]] = {
    "name": ("name", "nom"),
    "sphere": ("sphere", "sphère"),
    "group": ("group", "groupe"),
    "kind": ("kind", "type"),
    "scope": ("scope", "portée"),
    "degree": ("ties", "liens"),
    "betweenness": ("betweenness", "intermédiarité"),
    "participation": ("participation", "participation"),
    "constraint": ("constraint", "contrainte"),
    "role": ("role", "rôle"),
    "step": ("step", "étape"),
    "pairs_disconnected": ("share of connected pairs cut apart", "part des paires reliées séparées"),
    "largest_component_share": ("largest part left", "plus grand ensemble restant"),
    "community": ("group", "groupe"),
    "size": ("actors", "acteurs"),
    "members": ("main members", "principaux membres"),
    "group_known": ("of known sphere", "de sphère connue"),
    "main_group": ("main known sphere", "sphère connue principale"),
    "main_group_share_of_known": ("its share of the known", "sa part parmi les connues"),
    "actors": ("actors", "acteurs"),
    "person": ("person", "personne"),
    "source": ("from", "de"),
    "target": ("to", "vers"),
    "year": ("year", "année"),
    "measure": ("measure", "mesure"),
    "observed": ("observed", "observé"),
    "mean": ("mean", "moyenne"),
    "ci_low": ("95% low", "bas (95\u00a0%)"),
    "ci_high": ("95% high", "haut (95\u00a0%)"),
    "samples": ("samples", "tirages"),
    "max_samples": ("at most", "au plus"),
    "reason": ("why", "pourquoi"),
    "z": ("z", "z"),
    "p_greater": ("p (higher)", "p (plus haut)"),
    "p_less": ("p (lower)", "p (plus bas)"),
    "ties": ("ties", "liens"),
    "density": ("density", "densité"),
    "components": ("separate parts", "ensembles séparés"),
    "isolates": ("without a known tie", "sans lien connu"),
    "table": ("table", "table"),
    "file": ("file", "fichier"),
    "column": ("column", "colonne"),
    "message": ("what to know", "à savoir"),
    "rows": ("rows", "lignes"),
    "study": ("study", "étude"),
    "dataset": ("dataset", "jeu de données"),
    "stated": ("stated", "indiquée"),
    "inferred": ("inferred", "déduite"),
    "share": ("share", "part"),
    "reference": ("source", "source"),
    "introducers": ("suggested introducers", "introducteurs suggérés"),
    "introducer_1_name": ("introducer 1", "introducteur 1"),
    "why_1": ("why the first", "pourquoi le premier"),
    "introducer_2_name": ("introducer 2", "introducteur 2"),
    "introducer_3_name": ("introducer 3", "introducteur 3"),
    "in_degree": ("ties received", "liens reçus"),
    "out_degree": ("ties sent", "liens émis"),
    "in_strength": ("weight received", "poids reçu"),
    "out_strength": ("weight sent", "poids émis"),
    "reciprocity": ("share of ties returned", "part des liens réciproques"),
    "closeness": ("closeness", "proximité"),
    "coordinator": ("coordinator", "coordinateur"),
    "itinerant": ("itinerant", "itinérant"),
    "gatekeeper": ("gatekeeper", "gardien"),
    "representative": ("representative", "représentant"),
    "liaison": ("liaison", "agent de liaison"),
    "value": ("value", "valeur"),
}

# The steering-committee report.
REPORT: dict[str, tuple[str, str]] = {
    "default_title": ("Ecosystem report: {name}", "Rapport sur l'écosystème : {name}"),
    "source": ("Source: {source}", "Source : {source}"),
    "generated": ("Generated on {date} with ecograph {version}", "Produit le {date} avec ecograph {version}"),
    "contents": ("Contents", "Sommaire"),
    "truncated": (
        "Showing {shown} of {total} rows; the complete table is in tables/{file}.csv and tables.xlsx.",
        "{shown} lignes affichées sur {total} ; le tableau complet est dans tables/{file}.csv et tables.xlsx.",
    ),
    "total": ("total", "total"),
    "summary_note": (
        "The whole dataset as loaded (recommendations, proposed and cited ties included); the report's figures are those of the observed network.",
        "Le jeu de données entier tel que chargé (préconisations, liens proposés et cités compris) ; les chiffres du rapport sont ceux du réseau observé.",
    ),
    "section.covers": ("What the data cover", "Ce que couvrent les données"),
    "section.findings": ("Findings", "Constats"),
    "section.cannot": ("What the data cannot tell yet", "Ce que les données ne disent pas encore"),
    "section.network": ("The network", "Le réseau"),
    "section.outreach": ("Actors left out, and who could introduce them", "Acteurs à l'écart, et qui pourrait les introduire"),
    "section.connectors": ("Connectors", "Connecteurs"),
    "section.communities": ("Groups that know each other", "Groupes qui se connaissent"),
    "section.groups": ("Spheres", "Sphères"),
    "section.groups_other": ("Groups ({name})", "Groupes ({name})"),
    "section.flows": ("People moving between structures", "Passages de personnes"),
    "section.evolution": ("Evolution by year", "Évolution par année"),
    "section.annex": ("Annexes", "Annexes"),
    "section.confidence": ("How far to trust these figures", "Quelle confiance accorder à ces chiffres"),
    "section.coverage": ("Coverage and provenance of the data", "Couverture et provenance des données"),
    "section.directions": ("Direction and weight of ties", "Sens et poids des liens"),
    "section.methods": ("Method notes", "Notes de méthode"),
    "covers.actors": (
        "{n} actors of the ecosystem (set aside: the source's {recommendations:p|recommendation|recommendations}, proposals rather than actors, and {observers:p|row|rows} for who made the data).",
        "{n} acteurs de l'écosystème (mis à part : {recommendations:p|préconisation|préconisations} de la source, des propositions plutôt que des acteurs, et {observers:p|ligne|lignes} pour qui a produit les données).",
    ),
    "covers.actors_plain": ("{n} actors of the ecosystem.", "{n} acteurs de l'écosystème."),
    "covers.actors_recommendations": (
        "{n} actors of the ecosystem (set aside: the source's {recommendations:p|recommendation|recommendations}, proposals rather than actors).",
        "{n} acteurs de l'écosystème (mis à part : {recommendations:p|préconisation|préconisations} de la source, des propositions plutôt que des acteurs).",
    ),
    "covers.actors_observers": (
        "{n} actors of the ecosystem (set aside: {observers:p|row|rows} for who made the data).",
        "{n} acteurs de l'écosystème (mis à part : {observers:p|ligne|lignes} pour qui a produit les données).",
    ),
    "covers.ties_plain": (
        "{rows:p|tie is|ties are} stated in the tables, linking {pairs:p|pair of actors|pairs of actors}; {tied} of the {n} actors {tied:w|has|have} at least one known tie.",
        "{rows:p|lien est attesté|liens sont attestés} dans les tables, reliant {pairs:p|paire d'acteurs|paires d'acteurs} ; {tied} des {n} acteurs {tied:w|a|ont} au moins un lien connu.",
    ),
    "covers.people_ties_only": (
        "No tie is stated in the tables; through the people they share, {pairs:p|pair of actors is|pairs of actors are} linked; {tied} of the {n} actors {tied:w|has|have} at least one known tie.",
        "Aucun lien n'est attesté dans les tables ; par les personnes qu'elles partagent, {pairs:p|paire d'acteurs est reliée|paires d'acteurs sont reliées} ; {tied} des {n} acteurs {tied:w|a|ont} au moins un lien connu.",
    ),
    "covers.no_ties": ("No tie is stated in the tables.", "Aucun lien n'est attesté dans les tables."),
    "covers.people_no_move": (
        "{people:p|person is|people are} recorded; no move from one structure to another is recorded.",
        "{people:p|personne est enregistrée|personnes sont enregistrées} ; aucun passage d'une structure à une autre n'est enregistré.",
    ),
    "cannot.unknown": ("Still unknown: {items}.", "Encore inconnus : {items}."),
    "cannot.unknown_sphere": (
        "the sphere of {n:p|actor|actors} (where one applies)",
        "la sphère de {n:p|acteur|acteurs} (quand une sphère s'applique)",
    ),
    "cannot.unknown_founded": ("the founding year of {n:p|actor|actors}", "l'année de création de {n:p|acteur|acteurs}"),
    "cannot.unknown_tie": ("any tie of {n:p|actor|actors}", "le moindre lien de {n:p|acteur|acteurs}"),
    "covers.ties": (
        "{rows:p|tie is|ties are} stated in the tables; with the ties through people (shared or moving), {pairs:p|pair of actors is|pairs of actors are} linked; {tied} of the {n} actors {tied:w|has|have} at least one known tie.",
        "{rows:p|lien est attesté|liens sont attestés} dans les tables ; avec les liens par des personnes (en commun ou de passage), {pairs:p|paire d'acteurs est reliée|paires d'acteurs sont reliées} ; {tied} des {n} acteurs {tied:w|a|ont} au moins un lien connu.",
    ),
    "covers.proposals": (
        "Not counted as ties: {proposed:p|tie proposed|ties proposed} by the source (carriers and partners of its recommendations) and {cited:p|example cited|examples cited}.",
        "Non comptés comme liens : {proposed:p|lien proposé|liens proposés} par la source (porteurs et partenaires de ses préconisations) et {cited:p|exemple cité|exemples cités}.",
    ),
    "covers.group_status": (
        "The {what} is known for {known} of the {n} actors ({stated} stated by the source, {inferred} inferred from its definitions).",
        "{La}{what} est connu{e} pour {known} des {n} acteurs ({stated} indiqué{e}{stated:w||s} par la source, {inferred} déduit{e}{inferred:w||s} de ses définitions).",
    ),
    "covers.group": ("The {what} is known for {known} of the {n} actors.", "{La}{what} est connu{e} pour {known} des {n} acteurs."),
    "covers.inferred_same": (
        "The findings below are the same with or without the {inferred} spheres inferred from the source's definitions.",
        "Les constats ci-dessous sont les mêmes avec ou sans les {inferred} sphères déduites des définitions de la source.",
    ),
    "covers.inferred_differs": (
        "With only the spheres the source states (the inferred ones set aside): {text}",
        "Avec les seules sphères indiquées par la source (les sphères déduites mises à part) : {text}",
    ),
    "covers.counted": (
        "The source counted {counted} local structures; the data name {named} of them{zero}.",
        "La source compte {counted} structures locales ; les données en nomment {named}{zero}.",
    ),
    "covers.counted_zero": (" (none in {spheres})", " (aucune en {spheres})"),
    "covers.counted_zero_known": (
        " ({known} with a known sphere, none of them in {spheres}; the sphere of the other {unknown} is unknown)",
        " (dont {known} de sphère connue, aucune en {spheres} ; la sphère des {unknown} autres est inconnue)",
    ),
    "covers.counted_or": (" or in ", " ni en "),
    "covers.dated": (
        "The data date from {date}: check that each actor still exists, and under which name, before acting on them.",
        "Les données datent du {date} : vérifier que chaque acteur existe encore, et sous quel nom, avant d'agir.",
    ),
    "covers.founded": (
        "The founding year is known for {known} of the {n} actors.",
        "L'année de création est connue pour {known} des {n} acteurs.",
    ),
    "covers.people": (
        "{people:p|person is|people are} recorded, with {moves:p|move|moves} from one structure to another.",
        "{people:p|personne est enregistrée|personnes sont enregistrées}, avec {moves:p|passage|passages} d'une structure à une autre.",
    ),
    "covers.rejected": (
        "{rejected:p|row was|rows were} rejected by validation and {rejected:w|is|are} not used (see validation.txt).",
        "{rejected:p|ligne a été rejetée|lignes ont été rejetées} à la validation et ne {rejected:w|est|sont} pas {rejected:w|utilisée|utilisées} (voir validation.txt).",
    ),
    "cannot.workbook": (
        "The workbook {file}, next to this report, lists them with the gaps marked, ready to be filled in.",
        "Le classeur {file}, à côté de ce rapport, les liste avec les manques surlignés, prêt à être complété.",
    ),
    "note.network": (
        "Hover over or click an actor; search one to see its neighbourhood; filter by {group}, kind or tie type; move the years. Printed, the page shows the static map.",
        "Survolez ou cliquez un acteur ; cherchez-en un pour voir son voisinage ; filtrez par {group}, type ou type de lien ; faites défiler les années. À l'impression, la page montre la carte statique.",
    ),
    "note.network_no_years": (
        "Hover over or click an actor; search one to see its neighbourhood; filter by {group}, kind or tie type (too few founding years are known to move the years). Printed, the page shows the static map.",
        "Survolez ou cliquez un acteur ; cherchez-en un pour voir son voisinage ; filtrez par {group}, type ou type de lien (trop peu d'années de création sont connues pour faire défiler les années). À l'impression, la page montre la carte statique.",
    ),
    "note.outreach_unscoped": (
        "{isolates:p|actor has|actors have} no known tie. The worklist keeps the organisations left out (no programme, fund, event, territory or recommendation): {listed}{split}, each with up to three introducers and why.",
        "{isolates:p|acteur n'a|acteurs n'ont} aucun lien connu. La liste de travail garde les organisations laissées à l'écart (ni programme, ni fonds, ni événement, ni territoire, ni préconisation) : {listed}{split}, chacune avec jusqu'à trois introducteurs et la raison.",
    ),
    "note.outreach_unscoped_split": (
        ", {no_tie} with no known tie and {others} barely tied",
        ", dont {no_tie} sans lien connu et {others:p|à peine reliée|à peine reliées}",
    ),
    "note.outreach": (
        "{isolates:p|actor has|actors have} no known tie. The worklist keeps the actors of the territory left out (local and regional scope, no programme, fund, event, territory or recommendation): {listed}{split}, each with up to three introducers and why.",
        "{isolates:p|acteur n'a|acteurs n'ont} aucun lien connu. La liste de travail garde les acteurs du territoire laissés à l'écart (portée locale et régionale, ni programme, ni fonds, ni événement, ni territoire, ni préconisation) : {listed}{split}, chacun avec jusqu'à trois introducteurs et la raison.",
    ),
    "note.outreach_spread": (
        "The first introducers are spread so as not to overload anyone: none is first for more than {most} of them; the second and third are alternatives, should the first not be available.",
        "Les premiers introducteurs sont répartis pour ne surcharger personne : aucun n'est premier pour plus de {most} d'entre eux ; le deuxième et le troisième sont des solutions de rechange, si le premier n'est pas disponible.",
    ),
    "note.outreach_split": (
        ", {no_tie} with no known tie and {others} barely tied",
        ", dont {no_tie} sans lien connu et {others:p|à peine relié|à peine reliés}",
    ),
    "note.connectors": (
        "Organisations most often on the shortest paths between the others (programmes and events, places to meet rather than connectors, are left out).",
        "Les organisations le plus souvent sur les plus courts chemins entre les autres (programmes et événements, lieux de rencontre plutôt que connecteurs, sont laissés de côté).",
    ),
    "note.key_players": (
        "The actors whose departure, one after the other, would cut the most pairs of actors apart.",
        "Les acteurs dont le départ, l'un après l'autre, séparerait le plus de paires d'acteurs.",
    ),
    "note.communities": (
        "Groups of actors more tied to each other than to the rest (Leiden); the {singles} actors without a known tie are left out.",
        "Groupes d'acteurs plus liés entre eux qu'avec le reste (Leiden) ; les {singles} acteurs sans lien connu sont laissés de côté.",
    ),
    "note.no_dates": (
        "The founding year is known for {known} of the {n} actors: too few to follow the ecosystem year by year.",
        "L'année de création n'est connue que pour {known} des {n} acteurs : trop peu pour suivre l'écosystème année par année.",
    ),
    "note.robustness": (
        "Each figure recomputed on samples of the network with 10% of the actors missing at random: the range holds 95% of the samples. "
        "Samples are drawn {batch} at a time until one more series leaves the mean and the range unchanged as printed "
        "(to the first significant digit of the range's width). The share of the top brokers kept, read against {ranking:.0%}, "
        "is drawn {ranking_batch} at a time until its mean lies more than {se:g} standard errors from {ranking:.0%}: "
        "more samples could then hardly move it to the other side. Never more than the most shown; the table gives the samples drawn for each figure.",
        "Chaque chiffre recalculé sur des échantillons du réseau privés de 10 % des acteurs au hasard : l'intervalle contient 95 % des échantillons. "
        "Les tirages se font par {batch} jusqu'à ce qu'une série de plus laisse la moyenne et l'intervalle inchangés tels qu'affichés "
        "(au premier chiffre significatif de la largeur de l'intervalle). La part des principaux intermédiaires conservés, lue par rapport à {ranking:.0%}, "
        "se tire par {ranking_batch} jusqu'à ce que sa moyenne soit à plus de {se:g} erreurs types de {ranking:.0%} : "
        "d'autres tirages ne pourraient alors guère la faire passer de l'autre côté. Jamais au-delà du maximum indiqué ; le tableau donne les tirages faits pour chaque chiffre.",
    ),
    "note.null_models": (
        "Each statistic against networks rewired at random, every actor keeping its number of ties (one chain of rewirings, "
        "one swap per tie from one to the next): the range holds 95% of the rewired networks. Rewirings are drawn {batch} at a time, "
        "at least {least} (so that p can fall below 0.05), until every z lies more than {se:g} standard errors from {z:g} "
        "(or −{z:g}): whether it is beyond {z:g} is then settled. Never more than the most shown.",
        "Chaque statistique comparée à des réseaux rebranchés au hasard, chaque acteur gardant son nombre de liens (une chaîne de rebranchements, "
        "un échange par lien de l'un au suivant) : l'intervalle contient 95 % des réseaux rebranchés. Les rebranchements se tirent par {batch}, "
        "au moins {least} (pour que p puisse descendre sous 0,05), jusqu'à ce que chaque z soit à plus de {se:g} erreurs types de {z:g} "
        "(ou −{z:g}) : qu'il dépasse {z:g} ou non est alors établi. Jamais au-delà du maximum indiqué.",
    ),
    "note.dataset_coverage": (
        "The source's own count of the territory's local structures and initiatives (study), against those of them the dataset names (dataset), by sphere: only these local structures, not the institutions, funders, events or outside references the map also holds. Stated and inferred: how their spheres are known (said by the source, or deduced from its definitions); share: dataset / study.",
        "Le décompte par la source des structures et initiatives locales du territoire (étude), face à celles que le jeu de données nomme (jeu de données), par sphère : ces structures locales seulement, pas les institutions, financeurs, événements ou références extérieures que la carte contient aussi. Indiquée et déduite : comment leur sphère est connue (dite par la source, ou déduite de ses définitions) ; part : jeu de données / étude.",
    ),
    "note.rejected": (
        "{n:p|row was|rows were} rejected by validation and {n:w|is|are} not used (see validation.txt and tables/rejected.csv).",
        "{n:p|ligne a été rejetée|lignes ont été rejetées} à la validation et ne {n:w|est|sont} pas {n:w|utilisée|utilisées} (voir validation.txt et tables/rejected.csv).",
    ),
    "heading.key_players": ("Key players", "Acteurs clés"),
    "heading.known_groups": ("Actors by sphere", "Acteurs par sphère"),
    "heading.data_warnings": ("What to know about the tables", "À savoir sur les tables"),
    "heading.provenance": ("Sources", "Sources"),
    "heading.directed_actors": ("Ties received and sent", "Liens reçus et émis"),
    "heading.directed_roles": ("Brokerage roles on directed ties", "Rôles d'intermédiaire sur les liens orientés"),
    "directions.none": (
        "Every tie is read as undirected and of weight 1: no tie of the data has a direction or a weight other than 1.",
        "Tous les liens sont lus comme non orientés et de poids 1 : aucun lien des données n'a de sens ni de poids autre que 1.",
    ),
    "directions.treatment": (
        "Of the {ties:p|tie|ties} stated, {directed} {directed:w|has|have} a direction (funding, support, hosting…: one arc from the source to the target) and {undirected} {undirected:w|has|have} none (partnership…: one arc each way).",
        "Sur {ties:p|lien attesté|liens attestés}, {directed} {directed:w|a un sens|ont un sens} (financement, accompagnement, hébergement… : un arc de la source vers la cible) et {undirected} n'en {undirected:w|a|ont} pas (partenariat… : un arc dans chaque sens).",
    ),
    "directions.people": (
        "The {people_pairs:p|pair of actors|pairs of actors} linked by a person {people_pairs:w|is|are} also one arc each way.",
        "{people_pairs:p|paire d'acteurs reliée|paires d'acteurs reliées} par une personne {people_pairs:w|compte|comptent} aussi un arc dans chaque sens.",
    ),
    "directions.no_direction": (
        "No tie has a direction: each is one arc each way, so what an actor receives equals what it sends; the directed measures are not shown.",
        "Aucun lien n'a de sens : chacun compte un arc dans chaque sens, et ce qu'un acteur reçoit égale ce qu'il émet ; les mesures orientées ne sont pas montrées.",
    ),
    "directions.weights": (
        "{weighted:p|tie carries|ties carry} a weight other than 1. Parallel ties and the people two actors share add up into one weight per arc; strength sums the weights, and on weighted paths a tie's length is 1/weight (a tie of weight 2 is half as long).",
        "{weighted:p|lien porte|liens portent} un poids autre que 1. Les liens parallèles et les personnes que deux acteurs partagent s'additionnent en un poids par arc ; la force additionne les poids, et sur les chemins pondérés la longueur d'un lien vaut 1/poids (un lien de poids 2 est deux fois plus court).",
    ),
    "directions.no_weight": (
        "No tie carries a weight other than 1: the valued measures (strength, valued density, E-I index on weights) are not shown.",
        "Aucun lien ne porte de poids autre que 1 : les mesures valuées (force, densité valuée, indice E-I sur les poids) ne sont pas montrées.",
    ),
    "directions.roles": (
        "An actor v brokers when a → v → c and a does not send to c: a gatekeeper lets what comes from outside into its group, a representative carries what its group sends out (Gould & Fernandez).",
        "Un acteur v sert d'intermédiaire quand a → v → c sans que a n'envoie vers c : un gardien fait entrer dans son groupe ce qui vient de l'extérieur, un représentant porte au-dehors ce que son groupe envoie (Gould & Fernandez).",
    ),
    "directions.no_roles": (
        "No actor brokers between actors of known group on the directed ties.",
        "Aucun acteur ne sert d'intermédiaire entre acteurs de groupe connu sur les liens orientés.",
    ),
    "step.network": ("graph and headline measures", "réseau et chiffres principaux"),
    "step.groups": ("spheres: coverage, E-I index, density", "sphères : couverture, indice E-I, densité"),
    "step.communities": ("communities", "communautés"),
    "step.brokers": ("connectors, bridges and cut points", "connecteurs, ponts et points d'articulation"),
    "step.outreach": ("worklist and key players", "liste de travail et acteurs clés"),
    "step.people": ("people flows and evolution", "passages de personnes et évolution"),
    "step.confidence": ("robustness, significance and findings", "robustesse, significativité et constats"),
    "step.views": ("view and figures", "vue et figures"),
    "step.writing": ("writing files", "écriture des fichiers"),
    "method.observed.title": ("What is counted as a tie", "Ce qui compte comme lien"),
    "method.observed.text": (
        "A tie the source states, or a person who worked in two structures (at the same time, or one after the other). Ties the source only proposes or cites as an example, and its recommendations, are kept in the files but left out of the measures.",
        "Un lien attesté par la source, ou une personne passée par deux structures (en même temps, ou l'une après l'autre). Les liens que la source propose ou cite en exemple, et ses préconisations, restent dans les fichiers mais hors des mesures.",
    ),
    "method.unknown.title": ("Unknown values", "Valeurs inconnues"),
    "method.unknown.text_group": (
        "A missing group ({group}) is unknown, never a group of its own: measures between groups count only actors whose group is known and ties between two of them, and a finding is withheld when fewer than 80% of the ties it rests on are known.",
        "Un groupe manquant ({group}) est inconnu, jamais un groupe à part : les mesures entre groupes ne comptent que les acteurs dont le groupe est connu et les liens entre deux d'entre eux, et un constat n'est pas affiché quand moins de 80 % des liens sur lesquels il repose sont connus.",
    ),
    "columns_group.group_known": ("of known group ({group})", "de groupe connu ({group})"),
    "columns_group.main_group": ("main known group ({group})", "groupe connu principal ({group})"),
    "columns_group.main_group_share_of_known": ("its share of the known", "sa part parmi les connus"),
    "method.unknown.text": (
        "A missing sphere is unknown, never a sphere of its own: measures between spheres count only actors of known sphere and ties between two of them, and a finding is withheld when fewer than 80% of the ties it rests on are known.",
        "Une sphère manquante est inconnue, jamais une sphère à part : les mesures entre sphères ne comptent que les acteurs de sphère connue et les liens entre deux d'entre eux, et un constat n'est pas affiché quand moins de 80 % des liens sur lesquels il repose sont connus.",
    ),
    "method.spheres_known.title": ("How a sphere is known", "Comment la sphère est connue"),
    "method.spheres_known.text": (
        "A sphere is stated by the source, or inferred from the definitions the source gives of each sphere; the actors table quotes the passages (sphere_status, sphere_basis). An actor's type never decides its sphere: an incubator or a network whose activity the source does not describe stays of unknown sphere, even beside the support structures the source does describe.",
        "Une sphère est indiquée par la source, ou déduite des définitions que la source donne de chaque sphère ; le tableau des acteurs cite les passages (sphere_status, sphere_basis). Le type d'un acteur ne décide jamais de sa sphère : un incubateur ou un réseau dont la source ne décrit pas l'activité reste de sphère inconnue, même à côté des structures d'accompagnement qu'elle décrit.",
    ),
    "method.density.title": ("Density", "Densité"),
    "method.density.text": (
        "Share of possible ties that exist; between two groups A and B, ties / (|A|·|B|); within a group, ties / (|A|(|A|−1)/2).",
        "Part des liens possibles qui existent ; entre deux groupes A et B, liens / (|A|·|B|) ; au sein d'un groupe, liens / (|A|(|A|−1)/2).",
    ),
    "method.ei.title": ("E-I index", "Indice E-I"),
    "method.ei.text": (
        "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140. Significance by random relabelling of the actors of known group (as UCINET).",
        "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140. Significativité par réattribution aléatoire des groupes connus (comme UCINET).",
    ),
    "method.communities.title": ("Communities", "Communautés"),
    "method.communities.text": (
        "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected communities. Scientific Reports 9, 5233.",
        "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected communities. Scientific Reports 9, 5233.",
    ),
    "method.brokers.title": ("Brokerage roles", "Rôles d'intermédiaire"),
    "method.brokers.text": (
        "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19, 89–126. An undirected tie counts in both directions.",
        "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19, 89–126. Un lien non orienté compte dans les deux sens.",
    ),
    "method.constraint.title": ("Constraint and effective size", "Contrainte et taille effective"),
    "method.constraint.text": (
        "Burt, R. S. (1992). Structural Holes. Harvard University Press; Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1).",
        "Burt, R. S. (1992). Structural Holes. Harvard University Press ; Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1).",
    ),
    "method.participation.title": ("Participation coefficient", "Coefficient de participation"),
    "method.participation.text": (
        "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
        "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
    ),
    "method.betweenness.title": ("Betweenness", "Intermédiarité"),
    "method.betweenness.text": (
        "Freeman, L. C. (1977). Sociometry 40, 35–41; estimated from sampled sources above 5,000 actors (Brandes & Pich 2007).",
        "Freeman, L. C. (1977). Sociometry 40, 35–41 ; estimée par échantillonnage au-delà de 5 000 acteurs (Brandes & Pich 2007).",
    ),
    "method.robustness.title": ("Robustness", "Robustesse"),
    "method.robustness.text": (
        "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. Social Networks 35(4), 652–668; null models: Maslov, S. & Sneppen, K. (2002). Science 296, 910–913.",
        "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. Social Networks 35(4), 652–668 ; modèles nuls : Maslov, S. & Sneppen, K. (2002). Science 296, 910–913.",
    ),
    "method.introducers.title": ("Introducers", "Introducteurs"),
    "method.directions.title": ("Direction and weight", "Sens et poids"),
    "method.directions.text": (
        "A tie of a directed type is one arc from its source to its target; an undirected tie and a person shared by two structures are one arc each way; parallel ties add up into the arc's weight. In- and out-degree count the arcs received and sent, strength sums their weights; reciprocity is the share of arcs whose reverse exists; valued density is the sum of the weights over the n(n−1) possible arcs (Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 4); on weighted paths a tie's length is 1/weight (Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Social Networks 32(3), 245–251). Brokerage roles on directed ties: Gould & Fernandez (1989) on the arcs. The other measures of the report read every tie as undirected and of weight 1.",
        "Un lien d'un type orienté est un arc de sa source vers sa cible ; un lien non orienté et une personne partagée par deux structures sont un arc dans chaque sens ; les liens parallèles s'additionnent dans le poids de l'arc. Les degrés entrant et sortant comptent les arcs reçus et émis, la force additionne leurs poids ; la réciprocité est la part des arcs dont l'arc inverse existe ; la densité valuée est la somme des poids rapportée aux n(n−1) arcs possibles (Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 4) ; sur les chemins pondérés, la longueur d'un lien vaut 1/poids (Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Social Networks 32(3), 245–251). Rôles d'intermédiaire sur les liens orientés : Gould & Fernandez (1989) sur les arcs. Les autres mesures du rapport lisent chaque lien comme non orienté et de poids 1.",
    ),
    "method.introducers.text": (
        "Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social Networks 25(3), 211–230; key players: Borgatti, S. P. (2006). Computational & Mathematical Organization Theory 12, 21–34.",
        "Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social Networks 25(3), 211–230 ; acteurs clés : Borgatti, S. P. (2006). Computational & Mathematical Organization Theory 12, 21–34.",
    ),
    # what the report command prints while it works, and the first line of validation.txt
    "step.validating": ("validating {path}", "validation de {path}"),
    "progress": ("[{step}/{total}] {text} ...", "[{step}/{total}] {text}…"),
    "written": ("Report written to {page}", "Rapport écrit dans {page}"),
    "validation_valid": ("valid", "valide"),
    "validation_none": ("No problem: every row is valid.", "Aucun problème : chaque ligne est valide."),
    # one problem of the validation (ecograph.errors.Problem.text); its message and hint are the validation's
    "problem": ("{where}: {message}", "{where} : {message}"),
    "problem_row": (", row {row}", ", ligne {row}"),
    "problem_column": (", column {column}", ", colonne {column}"),
    "problem_value": (" (value: {value})", " (valeur : {value})"),
    "problem_long_value": (" (value: {value}, {n:,} characters)", " (valeur : {value}, {n:,} caractères)"),
    "validation_problems": (
        "{problems:p|problem|problems}; {rows:p|row|rows} rejected",
        "{problems:p|problème|problèmes} ; {rows:p|ligne rejetée|lignes rejetées}",
    ),
}

# Interactive views (texts shown on the page, cards, legend, controls).
VIEWS: dict[str, tuple[str, str]] = {
    "network": ("network", "réseau"),
    "search": ("Find an actor", "Chercher un acteur"),
    "radius": ("steps", "pas"),
    "reset": ("Show all", "Tout afficher"),
    "png": ("PNG", "PNG"),
    "svg": ("SVG", "SVG"),
    "save": ("Save the picture:", "Enregistrer l'image :"),
    "card": ("Details", "Détails"),
    "card_hint": ("Hover over or click an actor or a tie.", "Survolez ou cliquez un acteur ou un lien."),
    "legend": ("Legend", "Légende"),
    "highlight": ("Highlight", "Mettre en évidence"),
    "filters": ("Filters", "Filtres"),
    "synthetic": ("SYNTHETIC DATA", "DONNÉES SYNTHÉTIQUES"),
    "color": ("Colour: {name}", "Couleur : {name}"),
    "size": ("Size: {name}", "Taille : {name}"),
    "size_degree": ("number of ties", "nombre de liens"),
    "ties": ("Ties", "Liens"),
    "tie": ("tie", "lien"),
    "people_link": ("people link (shared or moved)", "lien par des personnes (commun ou passage)"),
    "move": ("move of a person", "passage d'une personne"),
    "suggested": ("suggested tie", "lien suggéré"),
    "affiliation": ("affiliation", "affiliation"),
    "person": ("person", "personne"),
    "people": ("People", "Personnes"),
    "bridges": ("Bridges", "Ponts"),
    "key_players": ("Key players", "Acteurs clés"),
    "sphere": ("Sphere", "Sphère"),
    "kind": ("Kind", "Type"),
    "type": ("Tie type", "Type de lien"),
    "members": ("members", "membres"),
    "community": ("Community", "Communauté"),
    "communities": ("communities", "communautés"),
    "community_name": ("Community {c} ({n})", "Communauté {c} ({n})"),
    "isolated_caption": ("{n} actors without a known tie", "{n} acteurs sans lien connu"),
    "isolated_caption_one": ("1 actor without a known tie", "1 acteur sans lien connu"),
    "labels_hint": (
        "Names are shown where they fit; hover, zoom or search for the others.",
        "Les noms sont affichés là où ils tiennent ; survolez, zoomez ou cherchez pour les autres.",
    ),
    "year": ("Year", "Année"),
    "all_years": ("all years", "toutes les années"),
    "play": ("Play", "Lecture"),
    "pause": ("Pause", "Pause"),
    "show_map": ("Map", "Carte"),
    "show_network": ("Network", "Réseau"),
    "no_coordinates": ("Not on the map (no coordinates)", "Absents de la carte (sans coordonnées)"),
    "card_id": ("id in the tables", "identifiant dans les tables"),
    "card_kind": ("kind", "type"),
    "card_sphere": ("sphere", "sphère"),
    "card_group": ("group", "groupe"),
    "view": (
        "View '{title}': {nodes:p|actor|actors}, {edges:p|tie|ties}",
        "Vue « {title} » : {nodes:p|acteur|acteurs}, {edges:p|lien|liens}",
    ),
    "card_scope": ("scope", "échelle"),
    "card_founded": ("founded", "création"),
    "card_closed": ("closed", "fermeture"),
    "card_commune": ("commune", "commune"),
    "card_website": ("website", "site web"),
    "card_description": ("description", "description"),
    "card_source": ("source", "source"),
    "card_betweenness": ("betweenness", "intermédiarité"),
    "card_degree": ("ties", "liens"),
    "card_community": ("community", "communauté"),
    "card_types": ("types", "types"),
    "card_year": ("year", "année"),
    "link_moved": ("moved", "passage"),
    "link_shared": ("in both", "dans les deux"),
}

# Static figures (ecograph.views.figures): titles, axes, and why a figure is not drawn. A figure's
# coverage line and its withheld reasons come from MEASURES (coverage, withheld, reason.<code>).
FIGURES: dict[str, tuple[str, str]] = {
    "density": ("Density of ties within and between spheres", "Densité des liens dans et entre les sphères"),
    "creations": ("Creations per year by sphere", "Créations par année et par sphère"),
    "year": ("year founded", "année de création"),
    "count": ("actors", "acteurs"),
    "brokers": ("Top brokers (normalised betweenness)", "Principaux intermédiaires (intermédiarité normalisée)"),
    "betweenness": ("betweenness", "intermédiarité"),
    "flows": ("Moves of people between spheres", "Passages de personnes entre sphères"),
    "flows_own": ("Moves of people between groups ({group})", "Passages de personnes entre groupes ({group})"),
    "density_own": ("Density of ties within and between groups ({group})", "Densité des liens dans et entre les groupes ({group})"),
    "from": ("from", "depuis"),
    "to": ("to", "vers"),
    "synthetic": ("synthetic data", "données synthétiques"),
    "no_known_move": (
        "Cannot be drawn: no move of a person joins two actors whose group is known.",
        "Impossible à dessiner : aucun passage de personne ne relie deux acteurs dont le groupe est connu.",
    ),
    "no_moves": (
        "Cannot be drawn: the data record no move of a person from one structure to another.",
        "Impossible à dessiner : les données ne relèvent aucun passage d'une personne d'une structure à une autre.",
    ),
    "moves_unknown": (
        "Moves from an actor of unknown group: {from_unknown}; to one: {to_unknown}; between two: {unknown_to_unknown}.",
        "Passages depuis un acteur de groupe inconnu : {from_unknown} ; vers un tel acteur : {to_unknown} ; entre deux : {unknown_to_unknown}.",
    ),
    "no_brokers": (
        "Not drawn: no actor lies on a shortest path between two others.",
        "Non dessiné : aucun acteur ne se trouve sur un plus court chemin entre deux autres.",
    ),
    "brokers_shown": (
        "Shown: {shown} of the {on_paths:p|actor|actors} on shortest paths between others, highest first.",
        "Affichés : {shown} des {on_paths:p|acteur|acteurs} situés sur des plus courts chemins entre d'autres, les plus élevés d'abord.",
    ),
    "brokers_not_connectors": (
        "{n:p|other is|others are} not a connector: connectors are the organisations highest on the shortest paths, and programmes, funds, events, territories and recommendations are not organisations.",
        "{n:p|autre n'est pas un connecteur|autres ne sont pas des connecteurs} : les connecteurs sont les organisations les plus présentes sur les plus courts chemins, et programmes, fonds, événements, territoires et préconisations ne sont pas des organisations.",
    ),
    "brokers_zero": (
        "{zero:p|actor|actors} on no such path (betweenness 0): not shown.",
        "{zero:p|acteur|acteurs} sur aucun de ces chemins (intermédiarité nulle) : non {zero:w|affiché|affichés}.",
    ),
}

# The outreach worklist (reasons, why, headers, sheets).
OUTREACH: dict[str, tuple[str, str]] = {
    "separator": ("; ", " ; "),
    "and": (" and ", " et "),
    "others": ("{names} and {n:p|other|others}", "{names} et {n:p|autre|autres}"),
    "quoted": ("“{name}”", "« {name} »"),
    "unknown_group": ("group unknown", "groupe inconnu"),
    "sheet.all": ("All", "Tous"),
    # why an actor is on the list
    # why this introducer (one entry per fact)
    "why.contacts": ("both linked to {names}", "tous deux liés à {names}"),
    "why.named_in_same": ("both named in {name}, each as {role}", "tous deux cités dans {name}, chacun comme {role}"),
    "why.named_in_roles": (
        "named in {name}: this actor as {role}, the introducer as {other}",
        "cités dans {name} : cet acteur comme {role}, l'introducteur comme {other}",
    ),
    "why.named_in": ("both linked to {name}", "tous deux liés à {name}"),
    "why.mentioned": ("cited with it in the same source: {source}", "cité avec lui dans la même source : {source}"),
    "why.mentioned_more": (
        "cited with it in the same source: {source} (and {n} more)",
        "cité avec lui dans la même source : {source} (et {n:w|une autre|{n} autres})",
    ),
    "why.person_one": ("a person worked in both", "une personne a travaillé dans les deux"),
    "why.person_many": ("{n} people worked in both", "{n} personnes ont travaillé dans les deux"),
    "why.group_ties_one": ("already linked to 1 actor of the same {field} ({value})", "déjà lié à 1 acteur de même {field} ({value})"),
    "why.group_ties": ("already linked to {n} actors of the same {field} ({value})", "déjà lié à {n} acteurs de même {field} ({value})"),
    "why.same_group": ("same {field} ({value})", "même {field} ({value})"),
    "why.same_commune": ("same commune ({commune})", "même commune ({commune})"),
    "why.distance": ("{km} km away", "à {km} km"),
    "why.same_kind": ("same kind ({kind})", "même type ({kind})"),
    "why.connected": ("the introducer has {n:p|known tie|known ties}", "l'introducteur a {n:p|lien connu|liens connus}"),
    "why.connected_one": ("1 known tie in the network", "1 lien connu dans le réseau"),
    "why.broker": (
        "already among those most often on the shortest paths between others",
        "déjà parmi les plus présents sur les plus courts chemins entre d'autres",
    ),
    # names of groupings ("same sphere"); a grouping given as a Series or partition is a "group"
    "field.": ("group", "groupe"),
    "field.sphere": ("sphere", "sphère"),
    "field.community": ("community", "communauté"),
    # the part an actor plays in a programme or event, by the type of the tie it is the source of
    "role.potential_partner": ("potential partner", "partenaire potentiel"),
    "role.potential_carrier": ("potential carrier", "porteur potentiel"),
    "role.candidate_site": ("possible site", "site possible"),
    "role.inspiration": ("example", "exemple"),
    "role.participation": ("participant", "participant"),
    "role.co_organisation": ("co-organiser", "co-organisateur"),
    "role.hosting": ("host", "hôte"),
    "role.funding": ("funder", "financeur"),
    "role.support": ("supporter", "accompagnateur"),
    "role.partnership": ("partner", "partenaire"),
    "role.membership": ("member", "membre"),
    "role.supply": ("supplier", "fournisseur"),
    # column headers of the officers' table
    "header.actor": ("actor id", "identifiant"),
    "header.name": ("name", "nom"),
    "header.kind": ("kind", "type"),
    "header.scope": ("scope", "portée"),
    "header.reason": ("why it is on the list", "pourquoi sur la liste"),
    "header.degree": ("known ties", "liens connus"),
    "header.reach_2": ("actors within two steps", "acteurs à deux pas"),
    "header.priority": ("actors it would reach", "acteurs qu'il atteindrait"),
    "header.introducer": ("introducer {r}", "introducteur {r}"),
    "header.introducer_name": ("introducer name {r}", "nom de l'introducteur {r}"),
    "header.why": ("why this introducer {r}", "pourquoi cet introducteur {r}"),
    "header.newly_reachable": ("actors newly reachable {r}", "acteurs nouvellement joignables {r}"),
    "header.ei_change": ("change in E-I index {r}", "variation de l'indice E-I {r}"),
    "header.load_paths": ("paths added to the introducer {r}", "chemins ajoutés à l'introducteur {r}"),
    "header.commune": ("commune", "commune"),
    "header.component_size": ("size of its group", "taille de son groupe"),
}

# Import and export of other tools' files.
INTEROP: dict[str, tuple[str, str]] = {
    "no_coordinates": (
        "none of the {n} actors has coordinates: a map would be empty. Add lat and lon columns to actors.csv "
        "(decimal degrees, WGS 84, e.g. 47.3220 and 5.0415), or import the actors' places from uMap with "
        "'ecograph import-umap', then export again",
        "aucun des {n} acteurs n'a de coordonnées : la carte serait vide. Ajoutez les colonnes lat et lon à actors.csv "
        "(degrés décimaux, WGS 84, par ex. 47.3220 et 5.0415), ou importez les lieux depuis uMap avec "
        "« ecograph import-umap », puis exportez à nouveau",
    ),
    "community": ("Community", "Communauté"),
    "popup_sphere": ("Sphere", "Sphère"),
    "popup_degree": ("Ties", "Liens"),
    "popup_betweenness": ("Betweenness", "Intermédiarité"),
    "popup_community": ("Community", "Communauté"),
    "popup_isolated": ("Isolated", "Isolé"),
}

# The Excel collection template (ecograph.interop.template): the help sheet's headers, the message of its
# drop-down lists, and the help of each column, "help.<table>.<column>" (the English is the schema's
# description, which the generated docs show: a test keeps the two the same).
TEMPLATE: dict[str, tuple[str, str]] = {
    # the help sheet's examples that are words (the others, codes, ids, dates and numbers, are the same in every language)
    "example.actors.source": ("Study 2018, chap. 2, key message 1", "Étude 2018, chap. 2, message clé 1"),
    "example.actors.sphere_basis": (
        "“initiative sur la consommation collaborative” (Study 2018, bibliography)",
        "« initiative sur la consommation collaborative » (Étude 2018, bibliographie)",
    ),
    "example.people.name": ("Former PREMICE employee A", "Ancien salarié de PREMICE A"),
    "example.people.source": ("Interview, 2017-06-08", "Entretien, 2017-06-08"),
    "example.affiliations.source": ("Study 2018, chap. 2", "Étude 2018, chap. 2"),
    "example.ties.evidence": ("Study 2018, chap. 4, recommendation 1", "Étude 2018, chap. 4, préconisation 1"),
    "example.metadata.title": ("Collaborative economy in Dijon", "L'économie collaborative à Dijon"),
    "example.metadata.source": ("Study 2018, final report", "Étude 2018, rapport final"),
    "head.sheet": ("sheet", "feuille"),
    "head.column": ("column", "colonne"),
    "head.required": ("required", "obligatoire"),
    "head.allowed": ("allowed values", "valeurs possibles"),
    "head.help": ("what to write", "quoi écrire"),
    "head.example": ("example", "exemple"),
    "choose_from_list": ("Choose a value from the list ({column})", "Choisissez une valeur dans la liste ({column})"),
    # what a column of each type takes (the help sheet's "allowed values"; a list of codes is shown as the codes)
    "type.slug": ("identifier (lower-case letters, digits, -, _, .)", "identifiant (minuscules, chiffres, -, _, .)"),
    "type.text": ("text", "texte"),
    "type.year": ("year (e.g. 2016)", "année (par ex. 2016)"),
    "type.when": (
        "year, year-month or ISO date (2016, 2016-03, 2016-03-01)",
        "année, année-mois ou date AAAA-MM-JJ (2016, 2016-03, 2016-03-01)",
    ),
    "type.float": ("number (. or , as decimal separator)", "nombre (virgule ou point comme séparateur décimal)"),
    "type.url": ("web address (https://...)", "adresse web (https://...)"),
    "type.ref": ("id from the {table} sheet", "identifiant de la feuille {table}"),
    "type.period": (
        "year, or two years joined by a dash (2018, 2016-2018)",
        "année, ou deux années reliées par un tiret (2018, 2016-2018)",
    ),
    "type.counts": (
        "codes with a whole number each (consumption=23; finance=4)",
        "codes suivis chacun d'un nombre entier (consumption=23; finance=4)",
    ),
    "type.gender": ("f or m", "f ou m"),
    "help.actors.id": (
        "Unique, stable identifier. Never change it once ties use it.",
        "Identifiant unique et stable (minuscules, chiffres, tirets). Ne plus le changer une fois utilisé dans les liens.",
    ),
    "help.actors.name": (
        "Name as the actor writes it.",
        "Nom tel que l'acteur l'écrit.",
    ),
    "help.actors.kind": (
        "What sort of actor it is.",
        "Type d'acteur (liste déroulante).",
    ),
    "help.actors.sphere": (
        "Sphere of the collaborative economy; leave empty when it does not apply or is unknown.",
        "Sphère de l'économie collaborative ; laisser vide si elle ne s'applique pas ou n'est pas connue.",
    ),
    "help.actors.scope": (
        "Where the actor acts.",
        "Échelle d'action : locale, régionale, nationale, internationale.",
    ),
    "help.actors.founded": (
        "Year it was founded or first held.",
        "Année de création.",
    ),
    "help.actors.closed": (
        "Year it closed or last took place; empty while active.",
        "Année de fermeture ; vide tant que l'acteur est actif.",
    ),
    "help.actors.commune": (
        "Municipality of its main address.",
        "Commune de l'adresse principale.",
    ),
    "help.actors.lat": (
        "Latitude in decimal degrees (WGS 84).",
        "Latitude en degrés décimaux (WGS 84).",
    ),
    "help.actors.lon": (
        "Longitude in decimal degrees (WGS 84).",
        "Longitude en degrés décimaux (WGS 84).",
    ),
    "help.actors.website": (
        "Web address.",
        "Adresse du site web (https://...).",
    ),
    "help.actors.description": (
        "What it does, in one or two sentences.",
        "Ce que fait l'acteur, en une ou deux phrases.",
    ),
    "help.actors.source": (
        "Where this fact comes from: a document and its section, an interview, a web page and the date it was read.",
        "D'où vient cette information : document et section, entretien, page web et date de lecture.",
    ),
    "help.actors.sphere_status": (
        "How the sphere is known: `stated` (the source says it) or `inferred` (the source's description of the actor matches its own definition of the sphere); empty when no sphere is given or nobody checked.",
        "Comment la sphère est connue : stated (la source le dit) ou inferred (ce que la source dit de l'acteur correspond à sa propre définition de la sphère) ; vide si aucune sphère n'est donnée.",
    ),
    "help.actors.sphere_basis": (
        "Why this sphere: the source's own words (quoted between “ ”) and where they are; required with a `sphere_status`.",
        "Pourquoi cette sphère : les mots de la source, entre “ ”, et où ils se trouvent ; obligatoire avec sphere_status.",
    ),
    "help.actors.observer": (
        "`yes` for who made the data rather than took part in the ecosystem (a study's team, the events it ran for the study): their ties are the study's own work, kept in the files but left out of the analysis; empty otherwise.",
        "`yes` pour qui a produit les données plutôt que pris part à l'écosystème (l'équipe d'une étude, les événements qu'elle a organisés pour l'étude) : leurs liens sont le travail de l'étude elle-même, gardés dans les fichiers mais hors de l'analyse ; vide sinon.",
    ),
    "help.actors.addresses": (
        "For a `recommendation` row: the findings it answers, as codes separated by `;` (ties, fragmentation, connectors, spheres, communities, fragility, flows); the report names the recommendation beside the action each finding suggests.",
        "Pour une ligne `recommendation` : les constats auxquels elle répond, en codes séparés par `;` (ties, fragmentation, connectors, spheres, communities, fragility, flows) ; le rapport nomme la préconisation à côté de l'action que suggère chaque constat.",
    ),
    "help.people.id": (
        "Unique, stable identifier of the person.",
        "Identifiant unique de la personne.",
    ),
    "help.people.name": (
        "Name or pseudonym.",
        "Nom ou pseudonyme (les personnes sont des données personnelles).",
    ),
    "help.people.source": (
        "Where this fact comes from: a document and its section, an interview, a web page and the date it was read.",
        "D'où vient cette information.",
    ),
    "help.affiliations.person": (
        "Id of the person (people table).",
        "Identifiant de la personne (feuille people).",
    ),
    "help.affiliations.actor": (
        "Id of the actor (actors table).",
        "Identifiant de l'acteur (feuille actors).",
    ),
    "help.affiliations.role": (
        "Role of the person in the actor.",
        "Rôle de la personne dans la structure (liste déroulante).",
    ),
    "help.affiliations.start": (
        "Year or ISO date from which the affiliation is attested; empty if unknown.",
        "Année ou date (AAAA-MM-JJ) à partir de laquelle le rattachement est attesté.",
    ),
    "help.affiliations.end": (
        "Year or ISO date by which it had ended; empty while it lasts or if unknown.",
        "Année ou date à laquelle il avait pris fin ; vide s'il dure.",
    ),
    "help.affiliations.source": (
        "Where this fact comes from: a document and its section, an interview, a web page and the date it was read.",
        "D'où vient cette information.",
    ),
    "help.ties.source": (
        "Id of the first actor (for a directed type: who acts).",
        "Identifiant du premier acteur (pour un lien orienté : celui qui agit).",
    ),
    "help.ties.target": (
        "Id of the second actor (for a directed type: who receives).",
        "Identifiant du second acteur (pour un lien orienté : celui qui reçoit).",
    ),
    "help.ties.type": (
        "Kind of relationship; the vocabulary says whether it is directed.",
        "Nature du lien (liste déroulante).",
    ),
    "help.ties.start": (
        "Year or ISO date from which the tie is attested; empty if unknown.",
        "Année ou date à partir de laquelle le lien est attesté.",
    ),
    "help.ties.end": (
        "Year or ISO date by which it had ended; empty while it lasts.",
        "Année ou date à laquelle il avait pris fin ; vide s'il dure.",
    ),
    "help.ties.weight": (
        "Strength of the tie, a positive number; empty means 1.",
        "Intensité du lien, nombre positif ; vide = 1.",
    ),
    "help.ties.evidence": (
        "Where this tie comes from (document and section, interview...).",
        "D'où vient ce lien (document et section, entretien...).",
    ),
    "help.ties.status": (
        "How the tie is known: `stated` (it exists), `proposed` (someone proposes it) or `cited` (one actor is cited as an example for the other); empty counts as stated. The analysis of who works with whom uses stated ties only.",
        "Comment le lien est connu : `stated` (il existe), `proposed` (quelqu'un le propose) ou `cited` (un acteur est cité en exemple pour l'autre) ; vide compte comme `stated`. L'analyse de qui travaille avec qui n'utilise que les liens `stated`.",
    ),
    "help.metadata.title": (
        "Title of the dataset; reports made from it take it as their title.",
        "Titre du jeu de données ; les rapports le prennent pour titre.",
    ),
    "help.metadata.territory": (
        "Territory mapped, as its people name it.",
        "Territoire cartographié, tel que ses habitants le nomment.",
    ),
    "help.metadata.period": (
        "Year the data describe, or two years joined by a dash.",
        "Année que décrivent les données, ou deux années reliées par un tiret (2016-2018).",
    ),
    "help.metadata.language": (
        "Language of the people the dataset is for: reports are written in it unless asked otherwise.",
        "Langue des personnes à qui le jeu de données est destiné (en ou fr) : celle des rapports.",
    ),
    "help.metadata.source": (
        "Where the data come from: the full reference of the study, survey or files.",
        "D'où viennent les données : la référence complète de l'étude, de l'enquête ou des fichiers.",
    ),
    "help.metadata.licence": (
        "Terms under which the data may be reused (a licence name such as CC BY 4.0); say `unknown` when nobody knows.",
        "Conditions de réutilisation (une licence comme CC BY 4.0) ; écrire « inconnue » si personne ne les connaît.",
    ),
    "help.metadata.description": (
        "What the dataset covers and what it leaves out, in a few sentences.",
        "Ce que couvre le jeu de données et ce qu'il laisse de côté, en quelques phrases.",
    ),
    "help.metadata.url": (
        "Web page of the dataset or of its source.",
        "Page web du jeu de données ou de sa source.",
    ),
    "help.metadata.date": (
        "When the data were collected or their source published (year, year-month or ISO date).",
        "Quand les données ont été recueillies ou leur source publiée (année, année-mois ou date AAAA-MM-JJ).",
    ),
    "help.metadata.counted": (
        "How many local structures and initiatives the source counts, by sphere, as `sphere=number` separated by `;`; the report compares it with the local ones the data name (the actors whose extra column `panorama` says `yes`, or without that column the initiatives, support structures, places, platforms, companies and funders).",
        "Combien de structures et d'initiatives locales la source compte, par sphère, sous la forme `sphère=nombre` séparés par `;` ; le rapport le compare aux structures locales que nomment les données (les acteurs dont la colonne supplémentaire `panorama` dit `yes`, ou, sans cette colonne, les initiatives, structures d'accompagnement, lieux, plateformes, entreprises et financeurs).",
    ),
    "help.metadata.group": (
        "What the `sphere` column holds when the dataset's groups are its own (factions, departments, teams): the word for "
        "one of them, such as `faction`; the views, figures and report name the grouping with it. Left out, the groups "
        "are the spheres.",
        "Ce que contient la colonne `sphere` quand les groupes du jeu de données sont les siens (factions, services, "
        "équipes) : le mot pour l'un d'eux, comme `faction` ; les vues, figures et le rapport nomment le regroupement ainsi. "
        "Sans ce champ, les groupes sont les sphères.",
    ),
    "help.metadata.group_gender": (
        "Grammatical gender of `group`'s word in French, so that the French report's sentences agree with it: `f` "
        "(feminine, as *faction*) or `m` (masculine, as *département*). Left out: feminine, as *sphère*.",
        "Genre du mot de `group` en français, pour que les phrases du rapport en français s'accordent avec lui : `f` "
        "(féminin, comme *faction*) ou `m` (masculin, comme *département*). Sans ce champ : féminin, comme *sphère*.",
    ),
    "help.ties.declared_by": (
        "For a `declared` tie: who declared it, the id of the person (people table) or of the actor who answered the survey.",
        "Pour un lien `declared` : qui l'a déclaré, l'identifiant de la personne (feuille people) ou de l'acteur qui a répondu à l'enquête.",
    ),
    "help.ties.declared_on": (
        "For a `declared` tie: when it was declared (the date of the interview).",
        "Pour un lien `declared` : quand il a été déclaré (la date de l'entretien).",
    ),
}

# Messages of the command line.
CLI: dict[str, tuple[str, str]] = {
    "usage_error": ("{prog}: error: {message} (see '{prog} --help')", "{prog} : erreur : {message} (voir '{prog} --help')"),
    "error": ("ecograph: error: {message}", "ecograph : erreur : {message}"),
    "internal_error": (
        "ecograph: internal error ({error}); this is a bug in ecograph. Run the command again with --debug to see where, and report it",
        "ecograph : erreur interne ({error}) ; c'est un défaut d'ecograph. Relancez la commande avec --debug pour voir où, et signalez-le",
    ),
    "no_memory": (
        "ecograph: not enough memory for this dataset; close other programs or split the dataset",
        "ecograph : pas assez de mémoire pour ce jeu de données ; fermez d'autres programmes ou divisez le jeu de données",
    ),
    "interrupted": ("ecograph: interrupted; nothing was written", "ecograph : interrompu ; rien n'a été écrit"),
    "validate_hint": ("Run 'ecograph validate' for details.", "Lancez 'ecograph validate' pour le détail."),
    "warnings": ("{n} warning(s):", "{n} avertissement(s) :"),
    "bad_epoch": (
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (got {value})",
        "SOURCE_DATE_EPOCH doit être un nombre entier de secondes depuis le 1970-01-01 (reçu : {value})",
    ),
    "bad_layer_sphere": (
        "give LAYER=SPHERE, for example 'Lieux=production' (got {value})",
        "écrivez CALQUE=SPHÈRE, par exemple 'Lieux=production' (reçu : {value})",
    ),
    "bad_suffix": ("the file must end with {suffixes} (got {value})", "le fichier doit se terminer par {suffixes} (reçu : {value})"),
    "bad_count": ("give a whole number of at least 1 (got {value})", "donnez un nombre entier d'au moins 1 (reçu : {value})"),
    "bad_seed": (
        "give a whole number between 0 and 4294967295 (got {value})",
        "donnez un nombre entier entre 0 et 4294967295 (reçu : {value})",
    ),
    "help_debug": ("show the full error (traceback) when a command fails", "montrer l'erreur complète (traceback) en cas d'échec"),
    "help_force": (
        "replace the output even if it is an existing file, or a folder holding other files",
        "remplacer la sortie même si c'est un fichier existant ou un dossier contenant d'autres fichiers",
    ),
    "import_no_feature": (
        "{file}: no feature could be imported, so no dataset was written; the {n} rows left over, each with its reasons, "
        "are in {leftovers}",
        "{file} : aucune entité n'a pu être importée, aucun jeu de données n'a donc été écrit ; les {n} lignes écartées, "
        "chacune avec ses raisons, sont dans {leftovers}",
    ),
    "import_no_node": (
        "{file}: no node could be imported as an actor, so no dataset was written; the {n} rows left over, each with its "
        "reasons, are in {leftovers}",
        "{file} : aucun nœud n'a pu être importé comme acteur, aucun jeu de données n'a donc été écrit ; les {n} lignes "
        "écartées, chacune avec ses raisons, sont dans {leftovers}",
    ),
    # what the commands print
    "problems_found": ("{path}: {n:p|problem|problems} found", "{path} : {n:p|problème trouvé|problèmes trouvés}"),
    "would_be_rejected": (
        "{n:p|row|rows} would be rejected; the other rows are valid.",
        "{n:p|ligne serait rejetée|lignes seraient rejetées} ; les autres lignes sont valides.",
    ),
    "valid": ("{path}: valid ({counts})", "{path} : valide ({counts})"),
    "more_problems": ("{first} (and {n} more problems)", "{first} (et {n} autres problèmes)"),
    "worklist_written": (
        "{n:p|actor|actors} to reach out to, written to {file}",
        "{n:p|acteur|acteurs} à contacter, {n:w|écrit|écrits} dans {file}",
    ),
    "template_written": ("Collection template written to {file}", "Modèle de collecte écrit dans {file}"),
    "not_on_map": (
        "{n:p|actor has|actors have} no coordinates and {n:w|is|are} not on the map: {ids}",
        "{n:p|acteur n'a|acteurs n'ont} pas de coordonnées et {n:w|n'est|ne sont} pas sur la carte : {ids}",
    ),
    "exported_map": (
        "Exported {placed} actors (of {n}) to {file} ({format}); ties are not carried by {format}",
        "{placed} acteurs (sur {n}) exportés vers {file} ({format}) ; {format} ne porte pas les liens",
    ),
    "exported": ("Exported {n} actors and {m} ties to {file} ({format})", "{n} acteurs et {m} liens exportés vers {file} ({format})"),
    "no_such_file": ("{file}: no such file", "{file} : fichier introuvable"),
    "layer_sphere_usage": (
        "--layer-sphere takes LAYER=SPHERE, for example 'Tiers-lieux=production'",
        "--layer-sphere prend CALQUE=SPHÈRE, par exemple 'Tiers-lieux=production'",
    ),
    "unknown_format": (
        "{file}: unknown format; give a .gexf, .graphml, Kumu .json or .xlsx file (uMap: ecograph import-umap)",
        "{file} : format inconnu ; donnez un fichier .gexf, .graphml, ou .json ou .xlsx de Kumu (uMap : ecograph import-umap)",
    ),
    "imported_from": ("imported from {file}", "importé de {file}"),
    "not_imported": ("Not imported ({n}):", "Non importé ({n}) :"),
    "not_imported_row": ("  - {table}, row {row}: {reasons}", "  - {table}, ligne {row} : {reasons}"),
    "read_features": ("{n} features", "{n} éléments"),
    "read_nodes": ("{n} nodes and {edges} edges", "{n} nœuds et {edges} arêtes"),
    "imported": (
        "Read {read} from {source}; imported {actors} actors and {ties} ties into {out}; {leftovers}",
        "Lu : {read} dans {source} ; {actors} acteurs et {ties} liens importés dans {out} ; {leftovers}",
    ),
    "left_over": ("{n} left over (listed above, kept in {file})", "{n} de côté (listés ci-dessus, gardés dans {file})"),
    "nothing_left_over": ("nothing left over", "rien de côté"),
    # the help of the commands and their options
    "description": ("Ecosystem relationship-graph analytics.", "Analyse des graphes de relations d'un écosystème."),
    "help_path": ("dataset folder, .xlsx workbook, or 'dijon'", "dossier du jeu de données, classeur .xlsx, ou 'dijon'"),
    "help_seed": ("seed of every random step (default 0)", "graine de chaque étape aléatoire (0 par défaut)"),
    "help_validate": ("check a dataset and list every problem", "vérifier un jeu de données et lister chaque problème"),
    "help_summary": (
        "counts, tie types, components and density of a dataset",
        "effectifs, types de liens, composantes et densité d'un jeu de données",
    ),
    "help_json": ("print JSON instead of text", "écrire du JSON au lieu de texte"),
    "help_outreach": (
        "write the outreach worklist of isolated actors and their introducers",
        "écrire la liste de travail des acteurs isolés et de leurs introducteurs",
    ),
    "help_outreach_output": (
        "worklist.xlsx (one sheet per sphere) or worklist.csv",
        "worklist.xlsx (une feuille par sphère) ou worklist.csv",
    ),
    "help_outreach_lang": (
        "language of the column headers and sheets (default: the dataset's)",
        "langue des en-têtes de colonnes et des feuilles (par défaut : celle du jeu de données)",
    ),
    "help_k": ("introducers per actor (default 3)", "introducteurs par acteur (3 par défaut)"),
    "help_template": (
        "write an Excel collection template (drop-down lists, help sheet)",
        "écrire un modèle de collecte Excel (listes déroulantes, feuille d'aide)",
    ),
    "help_template_output": ("FILE.xlsx", "FICHIER.xlsx"),
    "help_template_lang": (
        "language of the help (default: the --from dataset's, else English)",
        "langue de l'aide (par défaut : celle du jeu de données de --from, sinon l'anglais)",
    ),
    "help_from": (
        "pre-fill with this dataset (folder, workbook or 'dijon')",
        "pré-remplir avec ce jeu de données (dossier, classeur ou 'dijon')",
    ),
    "help_export": (
        "export a dataset to Gephi, Kumu, uMap, GeoJSON or CSV",
        "exporter un jeu de données vers Gephi, Kumu, uMap, GeoJSON ou CSV",
    ),
    "help_export_output": ("file (a folder for csv)", "fichier (un dossier pour csv)"),
    "help_layers": ("uMap/GeoJSON layers (default: sphere)", "calques uMap/GeoJSON (par défaut : sphere)"),
    "help_undirected_ties": (
        "GEXF/GraphML: mark each undirected tie as such (default; Gephi, yEd), or write it as two opposite edges of a "
        "directed graph (networkx, igraph, which hold one direction per graph); GEXF with ties of both directions is always "
        "written both ways",
        "GEXF/GraphML : marquer chaque lien non orienté comme tel (par défaut ; Gephi, yEd), ou l'écrire comme deux arêtes "
        "opposées d'un graphe orienté (networkx, igraph, qui ne gardent qu'une orientation par graphe) ; un GEXF aux liens "
        "des deux sortes est toujours écrit dans les deux sens",
    ),
    "help_with_measures": (
        "GEXF/GraphML/Kumu: add each actor's measures as node attributes (degree, betweenness, community, constraint, "
        "effective size, participation, brokerage role, worklist flags), typed, for Gephi's partition and ranking",
        "GEXF/GraphML/Kumu : ajouter les mesures de chaque acteur comme attributs des nœuds (liens, intermédiarité, "
        "communauté, contrainte, taille effective, participation, rôle d'intermédiaire, drapeaux de la liste de travail), "
        "typées, pour les partitions et classements de Gephi",
    ),
    "measures_not_for": (
        "--with-measures: the {format} format does not carry measures; use one of {formats}",
        "--with-measures : le format {format} ne porte pas de mesures ; utiliser l'un de {formats}",
    ),
    "help_export_lang": (
        "language of the uMap/GeoJSON layers and popups (default: the dataset's)",
        "langue des calques et des fenêtres uMap/GeoJSON (par défaut : celle du jeu de données)",
    ),
    "help_import_out": (
        "dataset folder to write (leftovers.csv lists what could not be imported)",
        "dossier du jeu de données à écrire (leftovers.csv liste ce qui n'a pas pu être importé)",
    ),
    "help_kind": (
        "kind of the actors whose file gives none (default: initiative)",
        "type des acteurs dont le fichier n'en donne pas (par défaut : initiative)",
    ),
    "help_source": (
        "source/evidence of the rows whose file gives none (default: 'imported from FILE')",
        "source des lignes dont le fichier n'en donne pas (par défaut : 'imported from FICHIER')",
    ),
    "help_strict": ("exit 1 if anything could not be imported", "sortir avec 1 si quoi que ce soit n'a pas pu être importé"),
    "help_import_umap": (
        "import a uMap backup (.umap), GeoJSON or CSV export as a dataset folder",
        "importer une sauvegarde uMap (.umap), un export GeoJSON ou CSV comme dossier de jeu de données",
    ),
    "help_layer_sphere": ("map a layer name to a sphere code (repeatable)", "associer un nom de calque à un code de sphère (répétable)"),
    "help_import": (
        "import a GEXF, GraphML or Kumu (.json, .xlsx) file as a dataset folder",
        "importer un fichier GEXF, GraphML ou Kumu (.json, .xlsx) comme dossier de jeu de données",
    ),
    "help_kind_from": (
        "node attribute (Kumu: element field) holding each actor's kind",
        "attribut des nœuds (Kumu : champ des éléments) qui donne le type de chaque acteur",
    ),
    "help_type_from": (
        "edge attribute (Kumu: connection field) holding each tie's type",
        "attribut des arêtes (Kumu : champ des connexions) qui donne le type de chaque lien",
    ),
    "help_tie_type": (
        "type of the ties whose file gives none (default: 'linked', or 'linked_to' for a directed edge)",
        "type des liens dont le fichier n'en donne pas (par défaut : 'linked', ou 'linked_to' pour une arête orientée)",
    ),
    "help_schema": (
        "print the dataset schema documentation (Markdown)",
        "écrire la documentation du schéma des jeux de données (Markdown)",
    ),
    "help_schema_output": ("write to this file instead of the screen", "écrire dans ce fichier plutôt qu'à l'écran"),
    "help_glossary": (
        "print the glossary of measures (Markdown): formula, range, direction, weight, unknown values, reference",
        "écrire le glossaire des mesures (Markdown) : formule, valeurs, sens, poids, valeurs inconnues, référence",
    ),
    "help_glossary_lang": ("language of the glossary (default: en)", "langue du glossaire (par défaut : en)"),
    "help_report": (
        "run the main job on a dataset and write the results",
        "faire le travail principal sur un jeu de données et écrire les résultats",
    ),
    "help_report_output": ("output folder, e.g. outputs/dijon", "dossier de sortie, par ex. outputs/dijon"),
    "help_report_lang": ("language of the report (default: the dataset's)", "langue du rapport (par défaut : celle du jeu de données)"),
    "help_pseudonymise": (
        "replace every person's name and id by a stable pseudonym in every file",
        "remplacer le nom et l'identifiant de chaque personne par un pseudonyme stable dans chaque fichier",
    ),
    "help_title": ("title of the report", "titre du rapport"),
    "help_date": (
        "date shown in the report (default: SOURCE_DATE_EPOCH or today)",
        "date affichée dans le rapport (par défaut : SOURCE_DATE_EPOCH ou aujourd'hui)",
    ),
    "help_quiet": ("print only the final path", "n'écrire que le chemin final"),
    "about": ("{path}: {message}", "{path} : {message}"),
    "help_import_netcanvas": (
        "import Network Canvas interviews (a CSV or GraphML export: zip, folder or file) as a dataset of declared ties",
        "importer des entretiens Network Canvas (export CSV ou GraphML : zip, dossier ou fichier) comme jeu de données de liens déclarés",
    ),
    "help_protocol": (
        "the interviews' protocol (.netcanvas), whose codebook folds the categorical variables exactly",
        "le protocole des entretiens (.netcanvas), dont le codebook regroupe exactement les variables catégorielles",
    ),
    "help_roster": (
        "the variable that carries the dataset's actor id through the interview (default: actor_id)",
        "la variable qui porte l'identifiant d'acteur du jeu de données dans l'entretien (par défaut : actor_id)",
    ),
    "netcanvas_review": (
        "{n:p|match|matches} of alters to actors by name to check in {file}",
        "{n:p|rapprochement|rapprochements} d'alters et d'acteurs par le nom à vérifier dans {file}",
    ),
    "help_people_kind": (
        "a node kind (type, category, Kumu element type) that names people, besides person, people, individual, "
        "personne, individu (repeatable): such nodes become people and their ties to actors affiliations",
        "un type de nœud (type, catégorie, type d'élément Kumu) qui désigne des personnes, en plus de person, people, "
        "individual, personne, individu (répétable) : ces nœuds deviennent des personnes et leurs liens aux acteurs des "
        "affiliations",
    ),
    "imported_people": (
        "{n:p|person|people} and {m:p|affiliation|affiliations} imported: the nodes that are people are not actors",
        "{n:p|personne importée|personnes importées} et {m:p|affiliation|affiliations} : les nœuds qui sont des personnes "
        "ne sont pas des acteurs",
    ),
    "help_invite": (
        "one HTML form per actor to check and complete what is known of it, and a workbook of messages to send them",
        "un formulaire HTML par acteur pour vérifier et compléter ce que l'on sait de lui, et un classeur des messages à envoyer",
    ),
    "help_invite_output": ("folder to write the fiches and invitations.xlsx into", "dossier où écrire les fiches et invitations.xlsx"),
    "help_invite_actors": (
        "whom to invite: worklist (the outreach worklist, default), all, or actor ids separated by commas",
        "qui inviter : worklist (la liste de travail, par défaut), all (tous), ou des identifiants séparés par des virgules",
    ),
    "help_invite_lang": ("language of the fiches (default: the dataset's)", "langue des fiches (par défaut : celle du jeu de données)"),
    "help_deadline": ("date to answer by (YYYY-MM-DD)", "date limite de réponse (AAAA-MM-JJ)"),
    "help_contact": ("where to send the answers (an e-mail address)", "où renvoyer les réponses (une adresse électronique)"),
    "bad_date": ("not a date YYYY-MM-DD: {value}", "pas une date AAAA-MM-JJ : {value}"),
    "help_merge": (
        "the fiches' answers (or interviews) as review.xlsx, one row per proposed change; with --apply, the accepted ones as a "
        "new dataset folder",
        "les réponses aux fiches (ou des entretiens) dans review.xlsx, une ligne par changement proposé ; avec --apply, les "
        "changements acceptés dans un nouveau dossier de données",
    ),
    "help_responses": (
        "response files of the fiches, or folders holding them; or interviews: a folder that ecograph import-netcanvas wrote, "
        "or a Network Canvas export (zip, GraphML, or its folder)",
        "fichiers de réponse des fiches, ou dossiers qui les contiennent ; ou des entretiens : un dossier écrit par "
        "ecograph import-netcanvas, ou un export Network Canvas (zip, GraphML, ou son dossier)",
    ),
    "help_merge_output": (
        "folder to write review.xlsx into; with --apply, the new dataset folder",
        "dossier où écrire review.xlsx ; avec --apply, le nouveau dossier de données",
    ),
    "help_invitations": (
        "the folder ecograph invite wrote (its secret attributes each answer)",
        "le dossier écrit par ecograph invite (son secret attribue chaque réponse)",
    ),
    "help_apply": ("a checked review.xlsx to apply", "un review.xlsx vérifié à appliquer"),
    "help_merge_lang": ("language of the review (default: the dataset's)", "langue de la revue (par défaut : celle du jeu de données)"),
    "merge_apply_alone": (
        "--apply reads a review, not response files: give the responses without --apply to make the review",
        "--apply lit une revue, pas des fichiers de réponse : donnez les réponses sans --apply pour faire la revue",
    ),
    "merge_reviewed": ("review.xlsx written in {folder}: {n} rows ({counts})", "review.xlsx écrit dans {folder} : {n} lignes ({counts})"),
    "merge_applied": ("new dataset written in {folder}: {counts}", "nouveau jeu de données écrit dans {folder} : {counts}"),
    "help_datapackage": (
        "a Frictionless datapackage.json describing a dataset folder: field types, codes, primary and foreign keys",
        "un datapackage.json Frictionless qui décrit un dossier de données : types des champs, codes, clés primaires et étrangères",
    ),
    "help_datapackage_output": (
        "file to write (default: datapackage.json in the folder)",
        "fichier à écrire (par défaut : datapackage.json dans le dossier)",
    ),
    "datapackage_written": ("{file} written", "{file} écrit"),
    "datapackage_bundled": (
        "the bundled dijon dataset is not written into: give the file to write with -o",
        "le jeu de données dijon fourni n'est pas modifié : donnez le fichier à écrire avec -o",
    ),
    "invitations_written": ("{n} fiches and invitations.xlsx written in {folder}", "{n} fiches et invitations.xlsx écrits dans {folder}"),
    "help_compare": (
        "what changed between two maps of one ecosystem (actors, ties, spheres, density, findings)",
        "ce qui a changé entre deux cartes d'un écosystème (acteurs, liens, sphères, densité, constats)",
    ),
    "help_compare_old": ("the previous map (a dataset folder or file)", "la carte précédente (un dossier ou fichier de données)"),
    "help_compare_new": ("the new map", "la nouvelle carte"),
    "help_compare_lang": ("language of the text (default: the new map's)", "langue du texte (par défaut : celle de la nouvelle carte)"),
    "help_previous": (
        "the previous map: the first page opens with what changed since",
        "la carte précédente : la première page commence par ce qui a changé depuis",
    ),
}

# The one name of each concept decided by ecograph.actor_standing, wherever it is counted or shown.
STANDING: dict[str, tuple[str, str]] = {
    "no_known_tie": ("Actors without a known tie", "Acteurs sans lien connu"),
    "outside_main": ("Actors outside the largest connected part", "Acteurs hors du plus grand ensemble relié"),
    "to_reach": ("Actors to reach (worklist)", "Acteurs à faire entrer (liste de travail)"),
    "connector": ("Connectors", "Connecteurs"),
    "cut_point": ("Cut points", "Points d'articulation"),
    # why an actor is to reach (the reason codes of actor_standing), read by the worklist and isolated_actors
    "reason.no_tie": ("no known tie", "aucun lien connu"),
    "reason.no_tie_with_organisation": ("no known tie with another organisation", "aucun lien connu avec une autre organisation"),
    "reason.named_in": ("named in {names}", "cité dans {names}"),
    "reason.outside_main": (
        "in a connected part of {n} actors, outside the largest",
        "dans un ensemble relié de {n} acteurs, hors du plus grand",
    ),
    "reason.only_through": ("only linked through {names}", "relié seulement par {names}"),
    "reason.low_reach": ("few actors within two steps ({n})", "peu d'acteurs à deux pas ({n})"),
}

# The fiches of `ecograph invite` (ecograph.interop.invite) and the review of `ecograph merge` (ecograph.interop.merge).
# The fiche's texts are filled by its script: {field}, {max} and {file} are replaced there.
INVITE: dict[str, tuple[str, str]] = {
    "title": ("{name}: what we know of you", "{name} : ce que nous savons de vous"),
    "intro": (
        "This form is part of the update of “{dataset}”. Please check what we know of your organisation, correct what "
        "is wrong, tell us which ties still hold and which organisations you work with, then save your answer: one "
        "file is downloaded, send it back by e-mail. Nothing is sent from this page.",
        "Ce formulaire fait partie de la mise à jour de « {dataset} ». Vérifiez ce que nous savons de votre structure, "
        "corrigez ce qui est faux, dites quels liens tiennent toujours et avec quelles structures vous travaillez, puis "
        "enregistrez votre réponse : un fichier est téléchargé, renvoyez-le par courriel. Rien n'est envoyé depuis cette page.",
    ),
    "deadline": ("Please answer by {date}.", "Merci de répondre avant le {date}."),
    "fields_heading": ("Your organisation", "Votre structure"),
    "ties_heading": ("Ties we know of", "Les liens que nous connaissons"),
    "new_heading": ("Who else do you work with?", "Avec qui d'autre travaillez-vous ?"),
    "new_hint": (
        "Type a few letters of a name to pick an organisation of the map; a name that is not on the list is fine. "
        "Rows left empty are ignored.",
        "Tapez quelques lettres d'un nom pour choisir une structure de la carte ; un nom absent de la liste est accepté. "
        "Les lignes laissées vides sont ignorées.",
    ),
    "suggested_hint": (
        "The first rows are organisations you may work with: choose the kind of tie if you do, or leave them as they are.",
        "Les premières lignes sont des structures avec qui vous travaillez peut-être : choisissez la nature du lien si c'est le "
        "cas, sinon laissez-les telles quelles.",
    ),
    "comment_heading": ("Anything else?", "Autre chose ?"),
    "add_partner": ("Add a partner", "Ajouter un partenaire"),
    "save": ("Save my answer", "Enregistrer ma réponse"),
    "known": ("Known:", "Connu :"),
    "unknown": ("unknown", "inconnu"),
    "no_ties": ("We know of no tie of your organisation yet.", "Nous ne connaissons encore aucun lien de votre structure."),
    "answer": ("Is it still true?", "Est-ce toujours vrai ?"),
    "still": ("still true", "toujours vrai"),
    "ended": ("ended", "terminé"),
    "never": ("never true", "jamais vrai"),
    "end_year": ("year it ended", "année de fin"),
    "col_partner": ("Partner", "Partenaire"),
    "col_type": ("Kind of tie", "Nature du lien"),
    "col_since": ("Since (year)", "Depuis (année)"),
    "col_source": ("Where we read it", "Où nous l'avons lu"),
    "col_answer": ("Your answer", "Votre réponse"),
    "col_direction": ("Direction", "Sens"),
    "choose": ("choose…", "choisir…"),
    "we_to_them": ("from us to them", "de nous vers eux"),
    "them_to_us": ("from them to us", "d'eux vers nous"),
    "required": ("{field}: please fill it in.", "{field} : merci de le renseigner."),
    "bad_year": ("{field}: a year of four digits, at most {max}.", "{field} : une année à quatre chiffres, au plus {max}."),
    "bad_url": ("Website: an address starting with https:// or http://.", "Site web : une adresse qui commence par https:// ou http://."),
    "closed_before": ("Year closed: before the founding year.", "Année de fermeture : avant l'année de création."),
    "partner_missing": ("A new tie needs the partner's name.", "Un nouveau lien demande le nom du partenaire."),
    "type_missing": ("A new tie needs its kind.", "Un nouveau lien demande sa nature."),
    "saved": ("Saved as {file}. Send this file back by e-mail:", "Enregistré sous {file}. Renvoyez ce fichier par courriel :"),
    "mail_label": ("A message to send with it", "Un message à joindre"),
    "mail": (
        "Subject: {name}: our answer\n\nHello,\n\nPlease find attached our answer ({file}) to the form on “{dataset}”.\n\nBest regards",
        "Objet : {name} : notre réponse\n\nBonjour,\n\nVous trouverez ci-joint notre réponse ({file}) au formulaire sur "
        "« {dataset} ».\n\nBien cordialement",
    ),
    "field.name": ("Name", "Nom"),
    "field.kind": ("Kind of organisation", "Type de structure"),
    "field.sphere": ("Sphere", "Sphère"),
    "field.scope": ("Scope", "Échelle"),
    "field.commune": ("Municipality", "Commune"),
    "field.founded": ("Year founded", "Année de création"),
    "field.closed": ("Year closed (if it has)", "Année de fermeture (le cas échéant)"),
    "field.website": ("Website", "Site web"),
    "field.description": ("What you do", "Ce que vous faites"),
    "message": (
        "Hello,\n\nWe are updating “{dataset}”, the map of the organisations of the territory and of the ties between "
        "them. Attached is the form of {name} ({fiche}): open it in a web browser, check and correct what we know, "
        "tell us who you work with, and save your answer. Please send the file it saves back to {contact}{deadline}.\n\n"
        "Thank you!",
        "Bonjour,\n\nNous mettons à jour « {dataset} », la carte des structures du territoire et des liens entre elles. "
        "Vous trouverez ci-joint la fiche de {name} ({fiche}) : ouvrez-la dans un navigateur, vérifiez et corrigez ce que "
        "nous savons, dites-nous avec qui vous travaillez et enregistrez votre réponse. Merci de renvoyer le fichier "
        "enregistré à {contact}{deadline}.\n\nMerci !",
    ),
    "message_deadline": (" by {date}", " avant le {date}"),
    "message_contact": ("the sender of this message", "l'expéditeur de ce message"),
    "sheet": ("invitations", "invitations"),
    "head.actor": ("actor", "acteur"),
    "head.name": ("name", "nom"),
    "head.fiche": ("fiche", "fiche"),
    "head.contact": ("contact (to fill in)", "contact (à compléter)"),
    "head.subject": ("subject", "objet"),
    "head.message": ("message", "message"),
    "the_map": ("the map of the ecosystem", "la carte de l'écosystème"),
    # the review of ecograph merge: why a row is there (its reason code), and what each column says
    "reason.bad_format": ("not the format of a fiche's answer", "pas le format d'une réponse de fiche"),
    "reason.too_large": ("file too large", "fichier trop gros"),
    "reason.unreadable": ("file cannot be read", "fichier illisible"),
    "reason.not_json": ("not a JSON file in UTF-8", "pas un fichier JSON en UTF-8"),
    "reason.too_long": ("text too long", "texte trop long"),
    "reason.control": ("control characters in the text", "caractères de contrôle dans le texte"),
    "reason.formula": ("text a spreadsheet would run as a formula", "texte qu'un tableur exécuterait comme une formule"),
    "reason.markup": ("HTML markup in the text", "balises HTML dans le texte"),
    "reason.bad_year": ("not a year of four digits", "pas une année à quatre chiffres"),
    "reason.unknown_field": ("a field the fiche does not have", "un champ que la fiche n'a pas"),
    "reason.required": ("a required field emptied", "un champ obligatoire vidé"),
    "reason.bad_code": ("a code the vocabulary does not have", "un code absent du vocabulaire"),
    "reason.bad_url": ("not a web address", "pas une adresse web"),
    "reason.unknown_tie": ("a tie the dataset does not hold", "un lien absent des données"),
    "reason.end_before_start": ("ended before it started", "terminé avant d'avoir commencé"),
    "reason.self_tie": ("a tie of an actor with itself", "un lien d'un acteur avec lui-même"),
    "reason.duplicate": ("the same tie declared twice in one answer", "le même lien déclaré deux fois dans une réponse"),
    "reason.unknown_partner": ("a partner id the dataset does not have", "un identifiant de partenaire absent des données"),
    "reason.partner_missing": ("a new tie without a partner", "un nouveau lien sans partenaire"),
    "reason.unknown_actor": ("an actor the dataset does not have", "un acteur absent des données"),
    "reason.no_secret": (
        "the invitations' secret was not given: the answer cannot be attributed",
        "le secret des invitations n'a pas été donné : la réponse ne peut pas être attribuée",
    ),
    "reason.token_mismatch": (
        "its token is not the one of the fiche of the actor it names",
        "son jeton n'est pas celui de la fiche de l'acteur qu'elle nomme",
    ),
    "reason.older_version": ("an answer to an older version of the dataset", "une réponse à une version antérieure des données"),
    "reason.own_field": ("the actor corrects its own fiche", "l'acteur corrige sa propre fiche"),
    "reason.changed_since": (
        "the actor corrects its own fiche; the dataset changed since the fiche was made",
        "l'acteur corrige sa propre fiche ; les données ont changé depuis la fiche",
    ),
    "reason.conflict": ("answers disagree: see conflict", "des réponses divergent : voir conflict"),
    "reason.already_known": ("the dataset holds this tie already", "les données ont déjà ce lien"),
    "reason.new_name": ("a name the dataset does not have: check its kind", "un nom absent des données : vérifiez son type"),
    "reason.close_name": (
        "close to the name of an actor of the dataset: see conflict",
        "proche du nom d'un acteur des données : voir conflict",
    ),
    "reason.declared": ("a tie the actor declares", "un lien que l'acteur déclare"),
    "reason.confirms": (
        "the other actor of the tie declared it before: it becomes confirmed",
        "l'autre acteur du lien l'avait déclaré : il devient confirmé",
    ),
    "reason.tie_still_true": (
        "the actor says the tie still holds: nothing to change",
        "l'acteur dit que le lien tient toujours : rien à changer",
    ),
    "reason.ended_tie": ("the actor says the tie has ended", "l'acteur dit que le lien est terminé"),
    "reason.bad_workbook": ("the workbook cannot be read as a dataset", "le classeur ne se lit pas comme un jeu de données"),
    "reason.invalid_row": ("a row of the workbook that is not valid: see conflict", "une ligne du classeur non valide : voir conflict"),
    "reason.gap_filled": ("a value that was not known, filled in the workbook", "une valeur inconnue, complétée dans le classeur"),
    "reason.workbook_change": (
        "a known value changed in a workbook no one signs: to check",
        "une valeur connue modifiée dans un classeur que personne ne signe : à vérifier",
    ),
    "reason.emptied": ("a known value emptied in the workbook: to check", "une valeur connue effacée dans le classeur : à vérifier"),
    "reason.workbook_actor": ("an actor added in the workbook", "un acteur ajouté dans le classeur"),
    "reason.workbook_tie": ("a tie added in the workbook", "un lien ajouté dans le classeur"),
    "reason.no_change": ("the answer changes nothing: the fiche was right", "la réponse ne change rien : la fiche était juste"),
    "reason.comment": ("the actor's comment, to read", "le commentaire de l'acteur, à lire"),
    "reason.removal": ("taking out a tie is a person's decision", "retirer un lien est la décision d'une personne"),
    "reason.interview_tie": (
        "a tie the ego's organisation declares in an interview",
        "un lien que la structure de la personne interrogée déclare en entretien",
    ),
    "reason.perceived_tie": (
        "a tie between two others, as the ego perceives it in an interview: declared by the ego's organisation, not by its actors",
        "un lien entre deux autres, tel que la personne interrogée le perçoit : déclaré par sa structure, pas par ses acteurs",
    ),
    "reason.interview_field": (
        "what an interview says of an actor new to the map",
        "ce qu'un entretien dit d'un acteur nouveau sur la carte",
    ),
    "reason.new_type": (
        "a kind of tie of the interviews that the dataset does not have (new: what its ties say)",
        "une nature de lien des entretiens que les données n'ont pas (new : ce que disent ses liens)",
    ),
    "review_rules_head": ("column", "colonne"),
    "review.accept": (
        "yes to apply the row, no to leave it out. Pre-filled: yes for a field an actor corrects on its own fiche, a new "
        "tie, a new actor whose name is not close to one of the dataset's, a tie that has ended, a kind of tie of the "
        "interviews; no for answers that "
        "disagree, a tie said never true, a name close to a known one, an answer to an older version. Rejected rows are "
        "never applied.",
        "yes pour appliquer la ligne, no pour l'écarter. Pré-rempli : yes pour un champ qu'un acteur corrige sur sa propre "
        "fiche, un nouveau lien, un nouvel acteur dont le nom n'est proche d'aucun autre, un lien terminé, une nature de "
        "lien des entretiens ; no pour des "
        "réponses qui divergent, un lien dit jamais vrai, un nom proche d'un nom connu, une réponse à une version "
        "antérieure. Les lignes rejected ne sont jamais appliquées.",
    ),
    "review.response": (
        "the response file (or the interviews' folder or export)",
        "le fichier de réponse (ou le dossier ou l'export des entretiens)",
    ),
    "review.actor": (
        "the actor who answered, or the organisation of the person interviewed (declared_by); empty for a row of a workbook, "
        "which no one signs",
        "l'acteur qui a répondu, ou la structure de la personne interrogée (declared_by) ; vide pour une ligne d'un classeur, "
        "que personne ne signe",
    ),
    "review.subject": ("the actor the change is about", "l'acteur que le changement concerne"),
    "review.declared_on": ("the day it answered", "le jour de sa réponse"),
    "review.change": (
        "field, new_tie, confirm_tie, new_actor, new_type, ended_tie, wrong_tie, tie_still_true, comment, nothing or rejected",
        "field, new_tie, confirm_tie, new_actor, new_type, ended_tie, wrong_tie, tie_still_true, comment, nothing ou rejected",
    ),
    "review.field": ("the field changed (a new actor: its kind)", "le champ modifié (un nouvel acteur : son type)"),
    "review.old": ("its value in the dataset", "sa valeur dans les données"),
    "review.new": ("the value proposed (a new actor: its kind, to check)", "la valeur proposée (un nouvel acteur : son type, à vérifier)"),
    "review.partner": (
        "the partner's id (a new actor: the id it will get)",
        "l'identifiant du partenaire (un nouvel acteur : celui qu'il aura)",
    ),
    "review.partner_name": ("the partner's name", "le nom du partenaire"),
    "review.type": ("the kind of tie", "la nature du lien"),
    "review.direction": (
        "out: from the actor to the partner; in: the other way; for a new kind of tie, directed if its ties have a direction",
        "out : de l'acteur vers le partenaire ; in : l'inverse ; pour une nouvelle nature de lien, directed si ses liens ont un sens",
    ),
    "review.start": ("since when", "depuis quand"),
    "review.end": ("when it ended", "quand il s'est terminé"),
    "review.status": (
        "a new tie's status: declared (by one of its actors) or confirmed (by both)",
        "le statut d'un nouveau lien : declared (par l'un de ses acteurs) ou confirmed (par les deux)",
    ),
    "review.conflict": (
        "other answers on the same thing, side by side, or what was refused",
        "les autres réponses sur le même point, côte à côte, ou ce qui a été refusé",
    ),
    "review.interview": (
        "the interview (its Network Canvas session) that declares the tie",
        "l'entretien (sa session Network Canvas) qui déclare le lien",
    ),
    "review.perceived": (
        "yes for a tie between two others, as the person interviewed perceives it; no for a tie of their own organisation",
        "yes pour un lien entre deux autres, tel que la personne interrogée le perçoit ; no pour un lien de sa propre structure",
    ),
    "review.reason": ("why the row is there, as a code", "pourquoi la ligne est là, en code"),
    "review.why": ("the reason, in words", "la raison, en mots"),
    "subject": ("{name}: please check what we know of you", "{name} : merci de vérifier ce que nous savons de vous"),
}

# The walk through the findings (ecograph.walk), its player in the report and its slides.
WALK: dict[str, tuple[str, str]] = {
    "title": ("{name}: what the map tells", "{name} : ce que dit la carte"),
    "notes.covers": (
        "Say what the data rest on before any figure: a tie not recorded is not a tie that does not exist.",
        "Dire sur quoi reposent les données avant tout chiffre : un lien non recensé n'est pas un lien qui n'existe pas.",
    ),
    "worklist.caption": (
        "{listed:p|actor|actors} to bring in, each with an introducer; the first ones:",
        "{listed:p|acteur|acteurs} à faire entrer, chacun avec un introducteur ; les premiers :",
    ),
    "worklist.item": ("{name}: to be introduced by {introducer}", "{name} : à présenter par {introducer}"),
    "notes.worklist": (
        "The full list is in the outreach workbook; an introducer is a suggestion to check with them.",
        "La liste complète est dans le classeur de prise de contact ; un introducteur est une suggestion à vérifier avec lui.",
    ),
    "withheld": ("Cannot be shown yet.", "Ne peut pas encore être montré."),
    "notes.withheld": (
        "No figure is shown: the data are too thin; say what would unlock it.",
        "Aucun chiffre n'est montré : les données sont trop minces ; dire ce qui permettrait de le dire.",
    ),
    "actions": ("What we propose", "Ce que nous proposons"),
    "notes.actions": (
        "Ask the committee to choose and to name who carries each action.",
        "Demander au comité de choisir et de nommer qui porte chaque action.",
    ),
    "present": ("Present", "Présenter"),
    "close": ("Close", "Fermer"),
    "previous": ("Previous", "Précédent"),
    "next": ("Next", "Suivant"),
    "counter": ("Step", "Étape"),
    "keys": ("← → to move, Esc to close", "← → pour avancer, Échap pour fermer"),
    "confidence": ("How sure: {text}", "Degré de certitude : {text}"),
    "written": ("walk of {n} steps written to {file}", "parcours de {n} étapes écrit dans {file}"),
    "help_walk": ("draft a walk through the findings, to edit and present", "ébaucher un parcours des constats, à modifier et présenter"),
    "help_walk_output": ("the walk file, e.g. walk.json", "le fichier du parcours, par ex. walk.json"),
    "help_walk_lang": (
        "the language it is presented in (default: the dataset's); both are written",
        "la langue de présentation (par défaut : celle du jeu de données) ; les deux sont écrites",
    ),
    "help_walk_file": ("a walk to present (from 'ecograph walk', edited)", "un parcours à présenter (issu de 'ecograph walk', modifié)"),
    "help_slides": ("slides of a walk (python-pptx)", "diapositives d'un parcours (python-pptx)"),
    "help_slides_output": ("the slide deck, e.g. brief.pptx", "le jeu de diapositives, par ex. brief.pptx"),
    "help_slides_lang": ("language of the slides (default: the walk's)", "langue des diapositives (par défaut : celle du parcours)"),
    "slides_written": ("{n} slides written to {file}", "{n} diapositives écrites dans {file}"),
    "print_link": ("Print the steps with their pictures", "Imprimer les étapes avec leurs images"),
    "help_print_walk": (
        "also write walk-print.html: the walk one step per printed page, with its picture",
        "écrire aussi walk-print.html : le parcours, une étape par page imprimée, avec son image",
    ),
}

# Two maps of one ecosystem compared (ecograph.waves), and the ties declared by one side or confirmed by both (the brief).
WAVES: dict[str, tuple[str, str]] = {
    "heading": ("Since the previous map", "Depuis la carte précédente"),
    "nothing": (
        "Nothing changed since the previous map: the same actors, ties and findings.",
        "Rien n'a changé depuis la carte précédente : mêmes acteurs, mêmes liens, mêmes constats.",
    ),
    "more": ("{n} more", "{n} autres"),
    "actors_added": ("{n:p|actor|actors} added: {names}.", "{n:p|acteur ajouté|acteurs ajoutés} : {names}."),
    "actors_removed": ("{n:p|actor|actors} removed: {names}.", "{n:p|acteur retiré|acteurs retirés} : {names}."),
    "ties_added": ("{n:p|tie|ties} added{detail}.", "{n:p|lien ajouté|liens ajoutés}{detail}."),
    "of_declared": ("{n} declared by one side", "{n:p|déclaré|déclarés} par un seul côté"),
    "of_confirmed": ("{n} confirmed by both", "{n:p|confirmé|confirmés} par les deux"),
    "ties_removed": ("{n:p|tie|ties} removed.", "{n:p|lien retiré|liens retirés}."),
    "ties_confirmed": (
        "{n:p|tie|ties} declared by one side now confirmed by both: {pairs}.",
        "{n:p|lien déclaré par un seul côté est désormais confirmé|liens déclarés par un seul côté sont désormais confirmés} "
        "par les deux : {pairs}.",
    ),
    "now_connected": (
        "{n:p|actor|actors} of the previous worklist now {n:w|has|have} a known tie: {items}.",
        "{n:p|acteur|acteurs} de la liste de travail précédente {n:w|a|ont} désormais un lien connu : {items}.",
    ),
    "connected_with": ("{name} (with {partners})", "{name} (avec {partners})"),
    "connected_declared": ("{name} (with {partners}; declared by {by})", "{name} (avec {partners} ; déclaré par {by})"),
    "spheres_filled": (
        "Sphere now known for {n:p|more actor|more actors}: {names}.",
        "Sphère désormais connue pour {n:p|acteur de plus|acteurs de plus} : {names}.",
    ),
    "founded_filled": (
        "Founding year now known for {n:p|more actor|more actors}: {names}.",
        "Année de création désormais connue pour {n:p|acteur de plus|acteurs de plus} : {names}.",
    ),
    "density": (
        "Density {before:.2%} → {after:.2%} (with 10% of actors missing at random, {before_low:.2%}–{before_high:.2%} "
        "then {after_low:.2%}–{after_high:.2%}): {verdict}",
        "Densité {before:.2%} → {after:.2%} (avec 10 % d'acteurs manquants au hasard, {before_low:.2%}–{before_high:.2%} "
        "puis {after_low:.2%}–{after_high:.2%}) : {verdict}",
    ),
    "density_plain": ("Density {before:.2%} → {after:.2%}.", "Densité {before:.2%} → {after:.2%}."),
    "main_part": (
        "Main part {before} → {after:p|actor|actors} ({before_share:.0%} → {after_share:.0%} of the actors; with 10% of actors "
        "missing at random, its share {before_low:.0%}–{before_high:.0%} then {after_low:.0%}–{after_high:.0%}): {verdict}",
        "Plus grand ensemble relié {before} → {after:p|acteur|acteurs} ({before_share:.0%} → {after_share:.0%} des acteurs ; "
        "avec 10 % d'acteurs manquants au hasard, sa part {before_low:.0%}–{before_high:.0%} puis {after_low:.0%}–{after_high:.0%}) : {verdict}",
    ),
    "main_part_plain": (
        "Main part {before} → {after:p|actor|actors} ({before_share:.0%} → {after_share:.0%} of the actors).",
        "Plus grand ensemble relié {before} → {after:p|acteur|acteurs} ({before_share:.0%} → {after_share:.0%} des acteurs).",
    ),
    "beyond": ("a change beyond the uncertainty of either map.", "un changement au-delà de l'incertitude de chaque carte."),
    "within": ("within the uncertainty of the two maps.", "dans l'incertitude des deux cartes."),
    "finding_stated": ("Now said: {question} {sentence}", "Désormais établi : {question} {sentence}"),
    "finding_withheld": ("No longer said: {question} {withheld}", "Ne peut plus être dit : {question} {withheld}"),
    "finding_gone": ("No longer applies: {question}", "Ne s'applique plus : {question}"),
    "finding_variant": ("Changed: {question} {sentence}", "A changé : {question} {sentence}"),
    # what the data cover: ties declared by one side, confirmed by both
    "covers_declared_confirmed": (
        "{declared:p|tie was|ties were} declared by one side only and {confirmed:p|tie|ties} confirmed by both.",
        "{declared:p|lien a été déclaré|liens ont été déclarés} par un seul côté et {confirmed:p|lien confirmé|liens confirmés} par les deux.",
    ),
    "covers_declared": (
        "{declared:p|tie was|ties were} declared by one side only.",
        "{declared:p|lien a été déclaré|liens ont été déclarés} par un seul côté.",
    ),
    "covers_confirmed": (
        "{confirmed:p|tie was|ties were} confirmed by both sides.",
        "{confirmed:p|lien a été confirmé|liens ont été confirmés} par les deux côtés.",
    ),
    "covers_confirmed_holds": (
        "With stated and confirmed ties alone (the {declared:p|tie|ties} declared by one side set aside), the findings on "
        "density, fragmentation and connectors hold.",
        "Avec les seuls liens attestés et confirmés (les {declared:p|lien déclaré|liens déclarés} par un seul côté mis de côté), "
        "les constats sur la densité, le morcellement et les connecteurs tiennent.",
    ),
    "covers_confirmed_differs": (
        "With stated and confirmed ties alone, this finding changes: {text}",
        "Avec les seuls liens attestés et confirmés, ce constat change : {text}",
    ),
}

#: The dataset's summary (ecograph.summary): summary.txt and the notebooks' summary.
SUMMARY: dict[str, tuple[str, str]] = {
    "headline": (
        "Ecosystem '{name}': {actors} actors, {ties} ties, {people} people, {affiliations} affiliations",
        "Écosystème « {name} » : {actors} acteurs, {ties} liens, {people} personnes, {affiliations} affiliations",
    ),
    "synthetic": (" [SYNTHETIC DATA]", " [DONNÉES SYNTHÉTIQUES]"),
    "rejected": (
        "{n} rows were rejected by validation (see Ecosystem.rejected)",
        "{n} lignes ont été rejetées par la validation (voir Ecosystem.rejected)",
    ),
    "by_kind": ("Actors by kind", "Acteurs par type"),
    "by_sphere": ("Actors by sphere", "Acteurs par sphère"),
    "by_scope": ("Actors by scope", "Acteurs par échelle"),
    "ties_by_type": ("Ties by type", "Liens par type"),
    "people_links": ("People links between actors", "Liens par des personnes entre acteurs"),
    "network": (
        "Network observed (ties and people links; recommendations, who made the data, proposed and cited ties set aside)",
        "Réseau observé (liens et liens par des personnes ; préconisations, auteurs des données, liens proposés et cités mis à part)",
    ),
    "nodes": ("nodes (actors)", "nœuds (acteurs)"),
    "edges": ("edges (actor pairs linked)", "arêtes (paires d'acteurs liées)"),
    "density": ("density", "densité"),
    "components": ("connected components", "composantes connexes"),
    "largest": ("largest component", "plus grande composante"),
    "largest_value": ("{n} actors", "{n} acteurs"),
    "largest_value_tied": ("{n} actors ({k} components of this size)", "{n} acteurs ({k} composantes de cette taille)"),
}

# The glossary of measures (docs/glossary.md, written by ecograph.glossary): for each measure, what it
# says, its formula, its range, how it reads direction, weight and unknown values, and its reference.
GLOSSARY: dict[str, tuple[str, str]] = {
    "title": ("Glossary of measures", "Glossaire des mesures"),
    "intro": (
        "What each measure of ecograph says, how it is computed, the values it can take, how it reads the direction "
        "and the weight of ties and unknown values, and where it comes from. A graph's n is its number of actors and m "
        "its number of ties. Unless a measure says otherwise, a tie is undirected and counts once whatever its weight, "
        "and a missing group is unknown, never a group of its own: group measures count only the actors whose group "
        "is known and the ties between two of them, say how much of the network they rest on (coverage), and are "
        "NaN with a reason where the known part cannot support them.",
        "Ce que dit chaque mesure d'ecograph, comment elle est calculée, les valeurs qu'elle peut prendre, comment "
        "elle lit le sens et le poids des liens et les valeurs inconnues, et d'où elle vient. n est le nombre "
        "d'acteurs d'un réseau et m son nombre de liens. Sauf mention contraire, un lien est non orienté et compte "
        "une fois quel que soit son poids, et un groupe manquant est inconnu, jamais un groupe à part : les mesures "
        "de groupe ne comptent que les acteurs dont le groupe est connu et les liens entre deux d'entre eux, disent "
        "sur quelle part du réseau elles reposent (couverture), et valent NaN avec une raison quand la partie connue "
        "ne suffit pas.",
    ),
    "generated": (
        "Generated from the catalogue of words (src/ecograph/words.py, section glossary) by python3 tasks.py glossary; "
        "a test fails when this file and the catalogue differ.",
        "Produit à partir du catalogue de mots (src/ecograph/words.py, section glossary) par python3 tasks.py glossary ; "
        "un test échoue quand ce fichier et le catalogue diffèrent.",
    ),
    "contents": ("Measures", "Mesures"),
    "field.call": ("In ecograph", "Dans ecograph"),
    "field.formula": ("Formula", "Formule"),
    "field.range": ("Range", "Valeurs possibles"),
    "field.direction": ("Direction", "Sens des liens"),
    "field.weight": ("Weight", "Poids des liens"),
    "field.unknown": ("Unknown values", "Valeurs inconnues"),
    "field.reference": ("Reference", "Référence"),
    # density
    "density.name": ("Density", "Densité"),
    "density.what": ("The share of the possible ties that exist.", "La part des liens possibles qui existent."),
    "density.formula": ("2m / (n(n − 1)); with arcs, arcs / (n(n − 1)).", "2m / (n(n − 1)) ; avec des arcs, arcs / (n(n − 1))."),
    "density.range": (
        "0 (no tie) to 1 (every pair tied); 0 for a network of one actor. The valued form may exceed 1.",
        "De 0 (aucun lien) à 1 (toutes les paires reliées) ; 0 pour un réseau d'un seul acteur. La forme valuée peut dépasser 1.",
    ),
    "density.direction": (
        "eg.density reads ties as undirected; eg.directed_density counts arcs over the n(n − 1) ordered pairs, an "
        "undirected tie being two arcs (so both give the same value on undirected ties).",
        "eg.density lit les liens comme non orientés ; eg.directed_density compte les arcs sur les n(n − 1) paires "
        "ordonnées, un lien non orienté valant deux arcs (les deux donnent donc la même valeur sur des liens non orientés).",
    ),
    "density.weight": (
        'Not read by eg.density. eg.directed_density(D, weight="weight") gives Σ weight / (n(n − 1)), the mean weight '
        "of a possible arc, absent arcs counting 0.",
        'Non lu par eg.density. eg.directed_density(D, weight="weight") donne Σ poids / (n(n − 1)), le poids moyen '
        "d'un arc possible, les arcs absents comptant 0.",
    ),
    "density.unknown": (
        "No group is read. An actor without any known tie counts in n: density is that of the ties known.",
        "Aucun groupe n'est lu. Un acteur sans lien connu compte dans n : la densité est celle des liens connus.",
    ),
    "density.reference": (
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge University Press, ch. 4.",
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge University Press, chap. 4.",
    ),
    # block density
    "block_density.name": ("Density within and between groups", "Densité dans et entre les groupes"),
    "block_density.what": (
        "For each pair of groups, the share of the possible ties between them that exist; on the diagonal, within a group.",
        "Pour chaque paire de groupes, la part des liens possibles entre eux qui existent ; sur la diagonale, au sein d'un groupe.",
    ),
    "block_density.formula": (
        "Between groups A and B: ties / (|A|·|B|); within A: ties / (|A|(|A| − 1)/2).",
        "Entre les groupes A et B : liens / (|A|·|B|) ; au sein de A : liens / (|A|(|A| − 1)/2).",
    ),
    "block_density.range": ("0 to 1; NaN within a group of one actor.", "De 0 à 1 ; NaN au sein d'un groupe d'un seul acteur."),
    "block_density.direction": (
        "eg.block_density: undirected, symmetric table. eg.valued_block_density on a DiGraph: the row group sends, the "
        "column group receives, within A: W / (|A|(|A| − 1)).",
        "eg.block_density : non orienté, tableau symétrique. eg.valued_block_density sur un DiGraph : le groupe en "
        "ligne envoie, celui en colonne reçoit, au sein de A : W / (|A|(|A| − 1)).",
    ),
    "block_density.weight": (
        "eg.valued_block_density sums the weights W instead of counting ties: the mean weight of a possible tie.",
        "eg.valued_block_density additionne les poids W au lieu de compter les liens : le poids moyen d'un lien possible.",
    ),
    "block_density.unknown": (
        "Group sizes count the actors whose group is known, and a tie counts when its two ends are known; the table's "
        'attrs["coverage"] says how many.',
        "La taille des groupes compte les acteurs dont le groupe est connu, et un lien compte quand ses deux bouts sont "
        'connus ; attrs["coverage"] du tableau dit combien.',
    ),
    "block_density.reference": (
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 10 (blockmodels).",
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, chap. 10 (modèles en blocs).",
    ),
    # E-I index
    "ei_index.name": ("E-I index", "Indice E-I"),
    "ei_index.what": (
        "Whether ties go more between groups (external) than within them (internal).",
        "Si les liens vont davantage entre les groupes (externes) qu'en leur sein (internes).",
    ),
    "ei_index.formula": (
        "(E − I) / (E + I), E the ties between two groups and I the ties within a group; also for each group (ties "
        "with one end in it) and each actor (its own ties). A permutation test relabels the actors at random (as UCINET).",
        "(E − I) / (E + I), E les liens entre deux groupes et I les liens au sein d'un groupe ; aussi pour chaque "
        "groupe (liens dont un bout y est) et chaque acteur (ses propres liens). Un test par permutation réattribue "
        "les groupes au hasard (comme UCINET).",
    ),
    "ei_index.range": (
        "−1 (every tie within a group) to +1 (every tie between groups).",
        "De −1 (tous les liens au sein d'un groupe) à +1 (tous les liens entre groupes).",
    ),
    "ei_index.direction": (
        "eg.ei_index: undirected, each tie once. eg.valued_ei_index on a DiGraph counts arcs (an actor's sent and received).",
        "eg.ei_index : non orienté, chaque lien une fois. eg.valued_ei_index sur un DiGraph compte les arcs (envoyés "
        "et reçus par un acteur).",
    ),
    "ei_index.weight": (
        "eg.valued_ei_index sums the weights in E and I; eg.ei_index counts ties.",
        "eg.valued_ei_index additionne les poids dans E et I ; eg.ei_index compte les liens.",
    ),
    "ei_index.unknown": (
        "Only ties whose two ends have a known group count, and the permutations shuffle the known groups only. NaN "
        "with a reason when no group is known (no_known_group), one only (one_known_group: −1 by construction) or no "
        "tie joins two actors of known group (no_known_tie).",
        "Seuls comptent les liens dont les deux bouts ont un groupe connu, et les permutations ne mélangent que les "
        "groupes connus. NaN avec une raison quand aucun groupe n'est connu (no_known_group), un seul (one_known_group : "
        "−1 par construction) ou qu'aucun lien ne relie deux acteurs de groupe connu (no_known_tie).",
    ),
    "ei_index.reference": (
        "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140.",
        "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140.",
    ),
    # modularity
    "modularity.name": ("Modularity", "Modularité"),
    "modularity.what": (
        "How much more the ties stay within the groups (communities, spheres...) than they would at random with the same degrees.",
        "À quel point les liens restent davantage dans les groupes (communautés, sphères...) qu'au hasard à degrés égaux.",
    ),
    "modularity.formula": (
        "Q = Σ_c [L_c / m − γ (d_c / 2m)²], L_c the ties inside group c, d_c the sum of its degrees, γ the resolution (1).",
        "Q = Σ_c [L_c / m − γ (d_c / 2m)²], L_c les liens dans le groupe c, d_c la somme de ses degrés, γ la résolution (1).",
    ),
    "modularity.range": (
        "−1/2 to 1; 0 for a single group; above about 0.3, groups clearly denser inside than between.",
        "De −1/2 à 1 ; 0 pour un seul groupe ; au-delà d'environ 0,3, des groupes nettement plus denses en leur sein qu'entre eux.",
    ),
    "modularity.direction": ("Undirected.", "Non orienté."),
    "modularity.weight": (
        'Not read by default; eg.modularity(G, partition, weight="weight") sums weights instead of counting ties.',
        'Non lu par défaut ; eg.modularity(G, partition, weight="weight") additionne les poids au lieu de compter les liens.',
    ),
    "modularity.unknown": (
        "The modularity of the known groups in the network of the actors whose group is known (m and the degrees count "
        "only ties whose two ends are known); NaN with a reason as the E-I index.",
        "La modularité des groupes connus dans le réseau des acteurs dont le groupe est connu (m et les degrés ne "
        "comptent que les liens dont les deux bouts sont connus) ; NaN avec une raison comme l'indice E-I.",
    ),
    "modularity.reference": (
        "Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in networks. Physical Review E 69, 026113.",
        "Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in networks. Physical Review E 69, 026113.",
    ),
    # communities
    "communities.name": ("Communities", "Communautés"),
    "communities.what": (
        "Groups of actors more tied to each other than to the rest, found from the ties alone.",
        "Des groupes d'acteurs plus liés entre eux qu'au reste, trouvés à partir des seuls liens.",
    ),
    "communities.formula": (
        "The partition that maximises modularity, found by Leiden (default: every community connected), Louvain "
        "(Gephi's default) or label propagation, with a seed; numbered by decreasing size.",
        "La partition qui maximise la modularité, trouvée par Leiden (par défaut : chaque communauté d'un seul "
        "tenant), Louvain (par défaut dans Gephi) ou propagation d'étiquettes, avec une graine ; numérotées par taille décroissante.",
    ),
    "communities.range": (
        "1 to n communities; a higher resolution gives more, smaller ones. An actor without ties is a community of its own.",
        "De 1 à n communautés ; une résolution plus élevée en donne plus, plus petites. Un acteur sans lien forme sa propre communauté.",
    ),
    "communities.direction": ("Undirected.", "Non orienté."),
    "communities.weight": (
        'Not read by default; weight="weight" makes heavier ties count more.',
        'Non lu par défaut ; weight="weight" fait compter davantage les liens plus lourds.',
    ),
    "communities.unknown": (
        "No group is read: communities come from the ties, so they exist where spheres are unknown.",
        "Aucun groupe n'est lu : les communautés viennent des liens, et existent donc là où les sphères sont inconnues.",
    ),
    "communities.reference": (
        "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected "
        "communities. Scientific Reports 9, 5233; Blondel, V. D. et al. (2008). J. Stat. Mech. P10008.",
        "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected "
        "communities. Scientific Reports 9, 5233 ; Blondel, V. D. et al. (2008). J. Stat. Mech. P10008.",
    ),
    # agreement
    "agreement.name": (
        "Agreement of two partitions (NMI, adjusted Rand)",
        "Accord de deux partitions (information mutuelle normalisée, Rand ajusté)",
    ),
    "agreement.what": (
        "How far the communities found match the groups declared (spheres, or any grouping).",
        "À quel point les communautés trouvées recoupent les groupes déclarés (sphères, ou tout autre regroupement).",
    ),
    "agreement.formula": (
        "NMI = 2 I(X; Y) / (H(X) + H(Y)), I the mutual information and H the entropy of each partition; adjusted Rand: "
        "the share of pairs of actors both partitions put together or apart, corrected for chance.",
        "NMI = 2 I(X ; Y) / (H(X) + H(Y)), I l'information mutuelle et H l'entropie de chaque partition ; Rand ajusté : "
        "la part des paires d'acteurs que les deux partitions réunissent ou séparent, corrigée du hasard.",
    ),
    "agreement.range": (
        "NMI 0 (independent) to 1 (identical); adjusted Rand about 0 by chance, 1 identical, negative below chance.",
        "NMI de 0 (indépendantes) à 1 (identiques) ; Rand ajusté proche de 0 au hasard, 1 identiques, négatif en dessous du hasard.",
    ),
    "agreement.direction": ("Not read (partitions of actors).", "Non lu (partitions d'acteurs)."),
    "agreement.weight": ("Not read.", "Non lu."),
    "agreement.unknown": (
        "Computed on the actors whose group is known; NaN with a reason when none or one group is known. On few known "
        "actors, singletons inflate NMI while adjusted Rand stays near 0: the report withholds both below 80% coverage.",
        "Calculés sur les acteurs dont le groupe est connu ; NaN avec une raison quand aucun ou un seul groupe est "
        "connu. Sur peu d'acteurs connus, les singletons gonflent la NMI quand le Rand ajusté reste proche de 0 : le "
        "rapport n'affiche ni l'un ni l'autre sous 80 % de couverture.",
    ),
    "agreement.reference": (
        "Danon, L. et al. (2005). Comparing community structure identification. J. Stat. Mech. P09008; Hubert, L. & "
        "Arabie, P. (1985). Comparing partitions. Journal of Classification 2, 193–218.",
        "Danon, L. et al. (2005). Comparing community structure identification. J. Stat. Mech. P09008 ; Hubert, L. & "
        "Arabie, P. (1985). Comparing partitions. Journal of Classification 2, 193–218.",
    ),
    # degree and strength
    "degree.name": ("Degree and strength", "Degré et force"),
    "degree.what": (
        "How many ties an actor has (degree), sends (out-degree) or receives (in-degree), and their total weight (strength).",
        "Combien de liens un acteur a (degré), envoie (degré sortant) ou reçoit (degré entrant), et leur poids total (force).",
    ),
    "degree.formula": (
        "Degree: number of neighbours; strength: Σ weight of the actor's ties.",
        "Degré : nombre de voisins ; force : Σ des poids des liens de l'acteur.",
    ),
    "degree.range": ("0 to n − 1 (degree); 0 and above (strength).", "De 0 à n − 1 (degré) ; 0 et plus (force)."),
    "degree.direction": (
        "eg.degrees(D): in_degree and out_degree; an undirected tie counts as two arcs, so both equal the degree.",
        "eg.degrees(D) : in_degree et out_degree ; un lien non orienté compte pour deux arcs, les deux valent donc le degré.",
    ),
    "degree.weight": (
        "in_strength and out_strength sum the weight attribute (1 where a tie has none).",
        "in_strength et out_strength additionnent l'attribut weight (1 quand un lien n'en a pas).",
    ),
    "degree.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "degree.reference": (
        "Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in weighted networks: generalizing degree and "
        "shortest paths. Social Networks 32(3), 245–251.",
        "Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in weighted networks: generalizing degree and "
        "shortest paths. Social Networks 32(3), 245–251.",
    ),
    # reciprocity
    "reciprocity.name": ("Reciprocity and dyad census", "Réciprocité et recensement des dyades"),
    "reciprocity.what": (
        "How often a tie sent is returned; how many pairs are tied both ways, one way or not at all.",
        "À quelle fréquence un lien envoyé est rendu ; combien de paires sont reliées dans les deux sens, un seul, ou pas du tout.",
    ),
    "reciprocity.formula": (
        "Network: 2 × mutual pairs / arcs (networkx's definition); actor: 2 × mutual neighbours / (in-degree + "
        "out-degree). Dyads: mutual + asymmetric + null = n(n − 1)/2.",
        "Réseau : 2 × paires mutuelles / arcs (la définition de networkx) ; acteur : 2 × voisins mutuels / (degré "
        "entrant + degré sortant). Dyades : mutuelles + asymétriques + nulles = n(n − 1)/2.",
    ),
    "reciprocity.range": (
        "0 to 1; 1 on undirected ties; NaN without arcs.",
        "De 0 à 1 ; 1 sur des liens non orientés ; NaN sans arc.",
    ),
    "reciprocity.direction": (
        "Defined by direction: a tie of a directed type (funding, support...) is one arc, any other two.",
        "Définie par le sens : un lien d'un type orienté (financement, accompagnement...) est un arc, les autres deux.",
    ),
    "reciprocity.weight": ("Not read.", "Non lu."),
    "reciprocity.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "reciprocity.reference": (
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 13; Holland, P. W. & Leinhardt, S. (1970). "
        "American Journal of Sociology 76, 492–513.",
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, chap. 13 ; Holland, P. W. & Leinhardt, S. (1970). "
        "American Journal of Sociology 76, 492–513.",
    ),
    # betweenness
    "betweenness.name": ("Betweenness", "Intermédiarité"),
    "betweenness.what": (
        "The share of the shortest paths between other actors that pass through an actor: who sits between others.",
        "La part des plus courts chemins entre d'autres acteurs qui passent par un acteur : qui se trouve entre les autres.",
    ),
    "betweenness.formula": (
        "Σ over pairs s, t of σ_st(v) / σ_st (σ_st the shortest paths from s to t, σ_st(v) those through v), divided "
        "by (n − 1)(n − 2)/2 ((n − 1)(n − 2) with arcs). Exact up to 5,000 actors; above, estimated from sampled "
        "sources with a seed, one in each of 256 stretches of the network (with top=20: in rounds of 256 until the top 20 brokers settle).",
        "Σ sur les paires s, t de σ_st(v) / σ_st (σ_st les plus courts chemins de s à t, σ_st(v) ceux qui passent par "
        "v), divisée par (n − 1)(n − 2)/2 ((n − 1)(n − 2) avec des arcs). Exacte jusqu'à 5 000 acteurs ; au-delà, "
        "estimée à partir de sources tirées avec une graine, une dans chacune de 256 portions du réseau (avec top=20 : par tours de 256 "
        "jusqu'à ce que les 20 premiers intermédiaires se stabilisent).",
    ),
    "betweenness.range": (
        "0 (on no shortest path) to 1 (the centre of a star).",
        "De 0 (sur aucun plus court chemin) à 1 (le centre d'une étoile).",
    ),
    "betweenness.direction": (
        "eg.brokers and eg.betweenness: undirected. eg.weighted_betweenness on a DiGraph: paths follow the arcs.",
        "eg.brokers et eg.betweenness : non orienté. eg.weighted_betweenness sur un DiGraph : les chemins suivent les arcs.",
    ),
    "betweenness.weight": (
        "eg.brokers counts every tie as length 1. eg.weighted_betweenness gives a tie the length 1/weight (a strong "
        'tie is short), as networkx\'s weight="distance" with distance = 1/weight.',
        "eg.brokers compte chaque lien pour une longueur 1. eg.weighted_betweenness donne à un lien la longueur "
        '1/poids (un lien fort est court), comme weight="distance" de networkx avec distance = 1/poids.',
    ),
    "betweenness.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "betweenness.reference": (
        "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40, 35–41; Brandes, "
        "U. & Pich, C. (2007). Centrality estimation in large networks. Int. J. Bifurcation and Chaos 17(7), 2303–2318.",
        "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40, 35–41 ; Brandes, "
        "U. & Pich, C. (2007). Centrality estimation in large networks. Int. J. Bifurcation and Chaos 17(7), 2303–2318.",
    ),
    # closeness
    "closeness.name": ("Closeness", "Proximité"),
    "closeness.what": (
        "How near an actor is to the others that reach it, corrected for those that cannot.",
        "À quel point un acteur est proche des autres qui l'atteignent, corrigé pour ceux qui ne le peuvent pas.",
    ),
    "closeness.formula": (
        "(r / d) · (r / (n − 1)), r the actors that reach v and d the total length of their shortest paths to v.",
        "(r / d) · (r / (n − 1)), r les acteurs qui atteignent v et d la longueur totale de leurs plus courts chemins vers v.",
    ),
    "closeness.range": (
        "0 (reached by no one) to 1 unweighted (tied to every other actor); with weights above 1, paths are shorter and it may exceed 1.",
        "De 0 (atteint par personne) à 1 sans poids (relié à tous les autres) ; avec des poids au-dessus de 1, les "
        "chemins raccourcissent et elle peut dépasser 1.",
    ),
    "closeness.direction": (
        "eg.weighted_closeness on a DiGraph reads paths to the actor (networkx's convention; G.reverse() for paths from it).",
        "eg.weighted_closeness sur un DiGraph lit les chemins vers l'acteur (la convention de networkx ; G.reverse() "
        "pour les chemins qui en partent).",
    ),
    "closeness.weight": (
        "A tie's length is 1/weight, as for betweenness.",
        "La longueur d'un lien est 1/poids, comme pour l'intermédiarité.",
    ),
    "closeness.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "closeness.reference": (
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 5; Opsahl, T. et al. (2010). Social Networks 32(3), 245–251.",
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, chap. 5 ; Opsahl, T. et al. (2010). Social Networks 32(3), 245–251.",
    ),
    # constraint
    "constraint.name": ("Constraint", "Contrainte"),
    "constraint.what": (
        "How much an actor's contacts are tied to each other: low constraint, the actor spans structural holes.",
        "À quel point les contacts d'un acteur sont liés entre eux : une contrainte faible, l'acteur enjambe des trous structuraux.",
    ),
    "constraint.formula": (
        "c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = 1 / degree of i (the share of i's ties that go to j).",
        "c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = 1 / degré de i (la part des liens de i qui vont à j).",
    ),
    "constraint.range": (
        "Near 0 (many contacts not tied to each other) to 1 (one contact), up to 1.125 (two contacts tied to each "
        "other); NaN for an actor without ties.",
        "De près de 0 (beaucoup de contacts non liés entre eux) à 1 (un seul contact), jusqu'à 1,125 (deux contacts "
        "liés entre eux) ; NaN pour un acteur sans lien.",
    ),
    "constraint.direction": ("Undirected.", "Non orienté."),
    "constraint.weight": ("Not read: every tie counts the same.", "Non lu : chaque lien compte autant."),
    "constraint.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "constraint.reference": (
        "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.",
        "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.",
    ),
    # effective size
    "effective_size.name": ("Effective size", "Taille effective"),
    "effective_size.what": (
        "The number of an actor's contacts that are not redundant (not tied to its other contacts).",
        "Le nombre de contacts d'un acteur qui ne sont pas redondants (non liés à ses autres contacts).",
    ),
    "effective_size.formula": (
        "k − 2t / k, k the actor's contacts and t the ties among them (Borgatti's formula for unweighted ties).",
        "k − 2t / k, k les contacts de l'acteur et t les liens entre eux (la formule de Borgatti pour des liens non valués).",
    ),
    "effective_size.range": (
        "1 (contacts all tied to each other) to k (none tied); NaN for an actor without ties.",
        "De 1 (contacts tous liés entre eux) à k (aucun lié) ; NaN pour un acteur sans lien.",
    ),
    "effective_size.direction": ("Undirected.", "Non orienté."),
    "effective_size.weight": ("Not read.", "Non lu."),
    "effective_size.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "effective_size.reference": (
        "Burt, R. S. (1992). Structural Holes; Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy "
        "measures. Connections 20(1), 35–38.",
        "Burt, R. S. (1992). Structural Holes ; Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy "
        "measures. Connections 20(1), 35–38.",
    ),
    # participation
    "participation.name": ("Participation coefficient", "Coefficient de participation"),
    "participation.what": (
        "How evenly an actor's ties spread over the groups: 0 when all stay in one group.",
        "À quel point les liens d'un acteur se répartissent entre les groupes : 0 quand tous restent dans un seul groupe.",
    ),
    "participation.formula": (
        "P_i = 1 − Σ_s (k_is / k_i)², k_is the neighbours of i in group s and k_i its neighbours of known group.",
        "P_i = 1 − Σ_s (k_is / k_i)², k_is les voisins de i dans le groupe s et k_i ses voisins de groupe connu.",
    ),
    "participation.range": ("0 to 1 − 1/S for S groups.", "De 0 à 1 − 1/S pour S groupes."),
    "participation.direction": ("Undirected.", "Non orienté."),
    "participation.weight": ("Not read.", "Non lu."),
    "participation.unknown": (
        "Counts only the neighbours whose group is known (as compositional measures of ego networks); it does not read "
        "the actor's own group; NaN without a neighbour of known group. brokers' known_neighbours says what it rests on.",
        "Ne compte que les voisins dont le groupe est connu (comme les mesures de composition des réseaux personnels) ; "
        "ne lit pas le groupe de l'acteur lui-même ; NaN sans voisin de groupe connu. known_neighbours de brokers dit "
        "sur quoi il repose.",
    ),
    "participation.reference": (
        "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
        "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
    ),
    # brokerage roles
    "roles.name": ("Brokerage roles (Gould & Fernandez)", "Rôles d'intermédiaire (Gould & Fernandez)"),
    "roles.what": (
        "For every two-step path a → v → c without a direct tie from a to c, the role v plays, set by the groups of the "
        "three: coordinator (one group), itinerant (a and c in one group, v in another), gatekeeper (a outside, v and c "
        "in one group), representative (a and v in one group, c outside), liaison (three groups).",
        "Pour chaque chemin de deux pas a → v → c sans lien direct de a vers c, le rôle que joue v, fixé par les "
        "groupes des trois : coordinateur (un groupe), itinérant (a et c dans un groupe, v dans un autre), gardien (a "
        "dehors, v et c dans un groupe), représentant (a et v dans un groupe, c dehors), agent de liaison (trois groupes).",
    ),
    "roles.formula": (
        "Counts per actor and role; brokerage is their sum and main_role the role with the largest count.",
        "Des décomptes par acteur et par rôle ; le courtage est leur somme et main_role le rôle au plus grand décompte.",
    ),
    "roles.range": ("0 and above (counts).", "0 et plus (décomptes)."),
    "roles.direction": (
        "eg.brokers counts an undirected tie both ways (UCINET's convention on symmetric data), so gatekeeper and "
        "representative counts coincide; eg.directed_brokerage_roles on a DiGraph tells the five roles apart.",
        "eg.brokers compte un lien non orienté dans les deux sens (la convention d'UCINET sur des données symétriques), "
        "les décomptes de gardien et de représentant coïncident donc ; eg.directed_brokerage_roles sur un DiGraph "
        "distingue les cinq rôles.",
    ),
    "roles.weight": ("Not read.", "Non lu."),
    "roles.unknown": (
        "A path counts only when the groups of a, v and c are known; an actor whose own group is unknown has NaN counts "
        "and main_role None: its brokerage may be real, its role cannot be said.",
        "Un chemin ne compte que si les groupes de a, v et c sont connus ; un acteur dont le groupe est inconnu a des "
        "décomptes NaN et main_role None : son courtage peut être réel, son rôle ne peut être dit.",
    ),
    "roles.reference": (
        "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in "
        "transaction networks. Sociological Methodology 19, 89–126.",
        "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in "
        "transaction networks. Sociological Methodology 19, 89–126.",
    ),
    # bridges
    "bridges.name": ("Bridges and local bridges", "Ponts et ponts locaux"),
    "bridges.what": (
        "A bridge is a tie whose removal disconnects the network; a local bridge is a tie between two actors with no "
        "common neighbour, and its span the length of the shortest other path between them.",
        "Un pont est un lien dont le retrait déconnecte le réseau ; un pont local est un lien entre deux acteurs sans "
        "voisin commun, et sa portée la longueur du plus court autre chemin entre eux.",
    ),
    "bridges.formula": (
        "eg.bridges gives the number of actors on each side once the tie is gone; eg.local_bridges the span (inf for a bridge).",
        "eg.bridges donne le nombre d'acteurs de chaque côté une fois le lien retiré ; eg.local_bridges la portée (inf pour un pont).",
    ),
    "bridges.range": ("Span: 3 and above, or inf.", "Portée : 3 et plus, ou inf."),
    "bridges.direction": ("Undirected.", "Non orienté."),
    "bridges.weight": ("Not read.", "Non lu."),
    "bridges.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "bridges.reference": (
        "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360–1380; "
        "Wasserman, S. & Faust, K. (1994), ch. 4.",
        "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology 78(6), 1360–1380 ; "
        "Wasserman, S. & Faust, K. (1994), chap. 4.",
    ),
    # cut points
    "cut_points.name": ("Cut points", "Points d'articulation"),
    "cut_points.what": (
        "Actors whose departure disconnects the network, and how many actors each cuts off.",
        "Les acteurs dont le départ déconnecte le réseau, et combien d'acteurs chacun isole.",
    ),
    "cut_points.formula": (
        "cut_off: the actors no longer connected to the largest remaining piece of the cut point's component once it has left. "
        "In the report's cut_points table, cut_point says whether the report counts it as one: organisations only "
        "(programmes, funds, events, territories and recommendations are not).",
        "cut_off : les acteurs qui ne sont plus reliés au plus grand morceau restant de la composante du point "
        "d'articulation une fois celui-ci parti. Dans la table cut_points du rapport, cut_point dit si le rapport le compte "
        "comme tel : les organisations seulement (programmes, fonds, événements, territoires et préconisations n'en sont pas).",
    ),
    "cut_points.range": ("1 to n − 2 actors cut off.", "De 1 à n − 2 acteurs isolés."),
    "cut_points.direction": ("Undirected.", "Non orienté."),
    "cut_points.weight": ("Not read.", "Non lu."),
    "cut_points.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "cut_points.reference": (
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, ch. 4 (cutpoints and bridges).",
        "Wasserman, S. & Faust, K. (1994). Social Network Analysis, chap. 4 (points d'articulation et ponts).",
    ),
    # k-core
    "core.name": ("k-core shell", "Couche du k-cœur"),
    "core.what": (
        "How deep in the network an actor sits: the largest k such that it belongs to a part where every actor has at "
        "least k ties within the part.",
        "À quelle profondeur du réseau se trouve un acteur : le plus grand k tel qu'il appartient à une partie où "
        "chaque acteur a au moins k liens dans cette partie.",
    ),
    "core.formula": (
        "Found by removing, again and again, the actors with fewer than k ties.",
        "Obtenu en retirant, encore et encore, les acteurs qui ont moins de k liens.",
    ),
    "core.range": ("0 (no tie), 1 (the periphery) up to the largest core.", "0 (aucun lien), 1 (la périphérie) jusqu'au plus grand cœur."),
    "core.direction": ("Undirected.", "Non orienté."),
    "core.weight": ("Not read.", "Non lu."),
    "core.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "core.reference": (
        "Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3), 269–287.",
        "Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3), 269–287.",
    ),
    # two-step reach
    "reach.name": ("Two-step reach", "Portée à deux pas"),
    "reach.what": (
        "How many other actors an actor reaches in one or two steps.",
        "Combien d'autres acteurs un acteur atteint en un ou deux pas.",
    ),
    "reach.formula": (
        "Neighbours and neighbours' neighbours, the actor itself left out.",
        "Les voisins et les voisins des voisins, l'acteur lui-même exclu.",
    ),
    "reach.range": ("0 to n − 1.", "De 0 à n − 1."),
    "reach.direction": ("Undirected.", "Non orienté."),
    "reach.weight": ("Not read.", "Non lu."),
    "reach.unknown": ("No group is read.", "Aucun groupe n'est lu."),
    "reach.reference": (
        "Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational & Mathematical "
        "Organization Theory 12, 21–34.",
        "Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational & Mathematical "
        "Organization Theory 12, 21–34.",
    ),
    # standing
    "standing.name": ("Standing: who is left out, who connects", "Situation : qui est à l'écart, qui relie"),
    "standing.what": (
        "Five answers decided once for every actor and read by every output: no_known_tie (no tie at all), "
        "outside_main (not in the largest connected part), to_reach (on the worklist), connector, cut_point.",
        "Cinq réponses décidées une fois pour chaque acteur et lues par toutes les sorties : no_known_tie (aucun lien), "
        "outside_main (hors du plus grand ensemble relié), to_reach (sur la liste de travail), connector (connecteur), "
        "cut_point (point d'articulation).",
    ),
    "standing.formula": (
        "to_reach: an organisation of the territory that has no tie, one tie only, ties only to programmes or events, "
        "sits outside a largest part holding at least half of the actors, or has the lowest two-step reach (the lowest "
        "5%, below the median); connector: an organisation among the top max(5, min(20, n/20)) by betweenness (above "
        "0); cut_point: an organisation whose departure cuts actors off.",
        "to_reach : une organisation du territoire sans lien, avec un seul lien, liée seulement à des programmes ou "
        "des événements, hors d'un plus grand ensemble qui réunit au moins la moitié des acteurs, ou à la plus faible "
        "portée à deux pas (les 5 % les plus bas, sous la médiane) ; connector : une organisation parmi les "
        "max(5, min(20, n/20)) premières par intermédiarité (au-dessus de 0) ; cut_point : une organisation dont le "
        "départ isole des acteurs.",
    ),
    "standing.range": (
        "Yes or no for each actor, with reason codes for to_reach.",
        "Oui ou non pour chaque acteur, avec des codes de raison pour to_reach.",
    ),
    "standing.direction": ("Undirected.", "Non orienté."),
    "standing.weight": ("Not read.", "Non lu."),
    "standing.unknown": (
        "A programme, fund, event, territory or recommendation is never to reach, a connector or a cut point; an "
        "unknown kind counts as an organisation and an unknown scope as the territory's.",
        "Un programme, un fonds, un événement, un territoire ou une préconisation n'est jamais à faire entrer, "
        "connecteur ou point d'articulation ; un type inconnu compte comme une organisation et une échelle inconnue "
        "comme celle du territoire.",
    ),
    "standing.reference": (
        "ecograph's rules (ecograph.measures.standing), built on betweenness, cut points and two-step reach.",
        "Les règles d'ecograph (ecograph.measures.standing), fondées sur l'intermédiarité, les points d'articulation "
        "et la portée à deux pas.",
    ),
    # coverage
    "coverage.name": ("Coverage", "Couverture"),
    "coverage.what": (
        "How much of the network a group measure rests on: the actors whose group is known, and the ties whose two ends are.",
        "Sur quelle part du réseau repose une mesure de groupe : les acteurs dont le groupe est connu, et les liens "
        "dont les deux bouts le sont.",
    ),
    "coverage.formula": (
        "actors_known / actors and ties_known / ties; a group finding is withheld below 0.8 (eg.MIN_COVERAGE): a share "
        "of ties computed on a share c of them can move by up to 1 − c once the rest is known (Manski's bounds).",
        "actors_known / actors et ties_known / ties ; un constat de groupe n'est pas affiché en dessous de 0,8 "
        "(eg.MIN_COVERAGE) : une part de liens calculée sur une part c d'entre eux peut bouger de 1 − c une fois le "
        "reste connu (bornes de Manski).",
    ),
    "coverage.range": ("0 to 1.", "De 0 à 1."),
    "coverage.direction": ("Ties counted once per pair of actors.", "Liens comptés une fois par paire d'acteurs."),
    "coverage.weight": ("Not read.", "Non lu."),
    "coverage.unknown": (
        "What it measures: empty text, NaN, None, a missing attribute and an actor a partition leaves out are all unknown.",
        "Ce qu'elle mesure : un texte vide, NaN, None, un attribut manquant et un acteur qu'une partition omet sont tous inconnus.",
    ),
    "coverage.reference": (
        "Manski, C. F. (2003). Partial Identification of Probability Distributions. Springer.",
        "Manski, C. F. (2003). Partial Identification of Probability Distributions. Springer.",
    ),
    # robustness and null models
    "robustness.name": ("Robustness and null models", "Robustesse et modèles nuls"),
    "robustness.what": (
        "How much a figure would move if data were missing at random (robustness), and whether it differs from "
        "networks with the same degrees wired at random (null model).",
        "De combien un chiffre bougerait si des données manquaient au hasard (robustesse), et s'il diffère de réseaux "
        "aux mêmes degrés reliés au hasard (modèle nul).",
    ),
    "robustness.formula": (
        "Robustness: the measure recomputed on 200 samples with 10% of the actors (or ties) removed, its band from the "
        "2.5th to the 97.5th percentile. Null model: 100 degree-preserving rewirings (10 swaps per tie), z-score and "
        "p-values counting the observed network.",
        "Robustesse : la mesure recalculée sur 200 échantillons privés de 10 % des acteurs (ou des liens), sa "
        "fourchette du 2,5e au 97,5e centile. Modèle nul : 100 recâblages qui gardent les degrés (10 échanges par lien), "
        "score z et p-valeurs qui comptent le réseau observé.",
    ),
    "robustness.range": (
        "A band in the measure's units; p-values above 0 (the observed network counts).",
        "Une fourchette dans les unités de la mesure ; des p-valeurs au-dessus de 0 (le réseau observé compte).",
    ),
    "robustness.direction": ("Undirected.", "Non orienté."),
    "robustness.weight": ("Not read.", "Non lu."),
    "robustness.unknown": (
        "Group statistics resample and rewire the known part only; all NaN when it cannot be computed: no rewiring "
        "can make up for unknown groups.",
        "Les statistiques de groupe rééchantillonnent et recâblent la seule partie connue ; tout NaN quand elle ne "
        "peut être calculée : aucun recâblage ne compense des groupes inconnus.",
    ),
    "robustness.reference": (
        "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. "
        "Social Networks 35(4), 652–668; Maslov, S. & Sneppen, K. (2002). Science 296, 910–913.",
        "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. "
        "Social Networks 35(4), 652–668 ; Maslov, S. & Sneppen, K. (2002). Science 296, 910–913.",
    ),
    # key players
    "key_players.name": ("Key players", "Acteurs clés"),
    "key_players.what": (
        "The k actors whose departure would fragment the network most.",
        "Les k acteurs dont le départ fragmenterait le plus le réseau.",
    ),
    "key_players.formula": (
        "Greedy: at each step, the actor whose removal disconnects the most pairs of the remaining actors is taken out "
        "(the actor with most ties when no cut point is left); pairs_disconnected is the cumulative share of pairs "
        "connected before and no longer.",
        "Glouton : à chaque étape, l'acteur dont le retrait déconnecte le plus de paires parmi les acteurs restants est "
        "retiré (l'acteur aux liens les plus nombreux quand il ne reste aucun point d'articulation) ; "
        "pairs_disconnected est la part cumulée des paires reliées avant et qui ne le sont plus.",
    ),
    "key_players.range": ("pairs_disconnected: 0 to 1.", "pairs_disconnected : de 0 à 1."),
    "key_players.direction": ("Undirected.", "Non orienté."),
    "key_players.weight": ("Not read.", "Non lu."),
    "key_players.unknown": (
        "No group is needed; programmes, funds, events, territories and recommendations are never taken out.",
        "Aucun groupe n'est nécessaire ; programmes, fonds, événements, territoires et préconisations ne sont jamais retirés.",
    ),
    "key_players.reference": (
        "Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational & Mathematical "
        "Organization Theory 12, 21–34.",
        "Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational & Mathematical "
        "Organization Theory 12, 21–34.",
    ),
}

_SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "common": COMMON,
    "datasets": DATASETS,
    "vocabulary": VOCABULARY,
    "measures": MEASURES,
    "columns": COLUMNS,
    "findings": FINDINGS,
    "standing": STANDING,
    "report": REPORT,
    "views": VIEWS,
    "figures": FIGURES,
    "outreach": OUTREACH,
    "interop": INTEROP,
    "template": TEMPLATE,
    "cli": CLI,
    "invite": INVITE,
    "walk": WALK,
    "waves": WAVES,
    "summary": SUMMARY,
    "glossary": GLOSSARY,
}

#: Every entry, keyed "<section>.<key>" (vocabulary codes as "<field>.<code>").
CATALOGUE: dict[str, tuple[str, str]] = {
    **{f"{name}.{key}": texts for name, entries in _SECTIONS.items() if name != "vocabulary" for key, texts in entries.items()},
    **VOCABULARY,
}


def check_language(lang: str) -> str:
    """``lang`` if ecograph writes it, else a ``ValueError`` naming the languages.

    >>> check_language("de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'fr' (got 'de')
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(repr(x) for x in LANGUAGES)} (got {lang!r})")
    return lang


class _Formatter(string.Formatter):
    """Numbers written the reader's way: in French, decimal commas and a space before ``%`` and between thousands."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec[:2] in ("p|", "w|"):  # {n:p|actor|actors}: the number and the word agreeing with it; w|: the word alone
            one, many = format_spec[2:].split("|")
            singular = value in (0, 1) if self.lang == "fr" else value == 1
            chosen = one if singular else many
            return chosen if format_spec[0] == "w" else f"{self.format_field(value, '')} {chosen}"
        if format_spec == "pvalue":  # {p:pvalue}: "p = 0.012", or "p < 0.001" below what three decimals show
            return "p < " + self.format_field(0.001, ".3f") if value < 0.001 else "p = " + self.format_field(value, ".3f")
        if isinstance(value, (list, tuple)):  # a list of names in a sentence
            return names(list(value), self.lang)
        text = super().format_field(value, format_spec)
        if isinstance(value, str) or not isinstance(value, (int, float)):
            return text
        if text.startswith("-"):  # a minus sign, not a hyphen
            text = "\u2212" + text[1:]
        if self.lang != "fr":
            return text
        text = text.replace(",", "\u202f").replace(".", ",")
        return text[:-1] + "\u00a0%" if format_spec.endswith("%") else text


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}
_INDEX = {lang: i for i, lang in enumerate(LANGUAGES)}


def number(value: float, lang: str = "en", spec: str = "") -> str:
    """A number as the reader writes it (``spec`` as in :func:`format`).

    In a text of the catalogue, ``{n:p|actor|actors}`` writes the number
    and the word agreeing with it (``{n:w|is|are}`` the word alone), a
    list is written as names in a sentence (:func:`names`), and
    ``{p:pvalue}`` a p-value, bounded below what three decimals show.

    >>> number(0.0059, "fr", ".1%"), number(12345, "fr", ","), number(0.25, "en", ".2f")
    ('0,6\u00a0%', '12\u202f345', '0.25')
    >>> number(1 / 1001, "fr", "pvalue"), number(0.0123, "en", "pvalue")
    ('p < 0,001', 'p = 0.012')
    """
    return _Formatter(check_language(lang)).format("{0:" + spec + "}", value)


def names(items: list[str], lang: str = "en") -> str:
    """A list of names in a sentence: "A, B and C" / "A, B et C".

    >>> names(["PREMICE", "Toaster Lab", "Village by CA"], "fr")
    'PREMICE, Toaster Lab et Village by CA'
    """
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if check_language(lang) == "fr" else " and ") + items[-1]


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
}


def date(text: str, lang: str = "en") -> str:
    """A date written ``2018``, ``2018-02`` or ``2018-02-02`` as the reader writes it; other text as it is.

    >>> date("2018-02-02", "fr"), date("2026-12-01", "fr"), date("2018-02", "en"), date("2018", "fr")
    ('2 février 2018', '1er décembre 2026', 'February 2018', '2018')
    """
    check_language(lang)
    parts = str(text).split("-")
    if not all(p.isdigit() for p in parts) or len(parts) not in (1, 2, 3) or len(parts[0]) != 4:
        return str(text)
    if len(parts) == 1:
        return parts[0]
    month = int(parts[1])
    if not 1 <= month <= 12:
        return str(text)
    name = _MONTHS[lang][month - 1]
    if len(parts) == 2:
        return f"{name} {parts[0]}"
    day = int(parts[2])
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {name} {parts[0]}"
    return f"{day} {name} {parts[0]}"


def word(key: str, lang: str = "en", /, **values: Any) -> str:
    """The text of ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Numbers in placeholders are written the reader's way (see :func:`number`).

    Examples
    --------
    >>> word("common.none", "fr")
    'Aucun.'
    >>> word("measures.withheld", "fr", share=0.2, threshold=0.8)
    'Non affiché : ce chiffre repose sur 20\u00a0% des données, en dessous des 80\u00a0% nécessaires.'
    >>> word("common.nothing", "en")
    Traceback (most recent call last):
    ...
    KeyError: "no text 'common.nothing' in the catalogue of words"
    """
    formatter = _FORMATTERS.get(lang) or _FORMATTERS[check_language(lang)]
    try:
        text = CATALOGUE[key][_INDEX[lang]]
    except KeyError:
        raise KeyError(f"no text {key!r} in the catalogue of words") from None
    return formatter.vformat(text, (), values) if values else text


#: Placeholders a French text may hold that its English does not: the agreement of a group's word (:func:`agreement`).
AGREEMENT: tuple[str, ...] = ("la", "La", "une", "Une", "e", "elles")


def agreement(noun: str, gender: str = "f", lang: str = "en") -> dict[str, str]:
    """The words that agree with ``noun`` (a group's word) in ``lang``, for the placeholders of :data:`AGREEMENT`.

    French: the article (``l'`` before a vowel or an h), ``une``/``un``,
    ``e`` (the ending of an adjective: ``connu{e}``) and ``elles``/``ils``;
    ``gender`` is ``"f"`` or ``"m"`` (the metadata's ``group_gender``).
    English needs none of them: all empty.

    >>> agreement("département", "m", "fr")["la"] + "département est connu" + agreement("département", "m", "fr")["e"]
    'le département est connu'
    >>> a = agreement("activité", "f", "fr"); a["La"] + "activité est connu" + a["e"]
    "L'activité est connue"
    >>> set(agreement("faction", "f", "en").values())
    {''}
    """
    if check_language(lang) != "fr":
        return dict.fromkeys(AGREEMENT, "")
    feminine = gender != "m"
    article = "l'" if noun[:1].lower() in "aeiouyhéèêàâîôû" else "la " if feminine else "le "
    out = {"la": article, "une": "une" if feminine else "un", "e": "e" if feminine else "", "elles": "elles" if feminine else "ils"}
    return out | {"La": article[0].upper() + article[1:], "Une": out["une"].capitalize()}


def is_missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, pandas' NA or text that is empty or blank.

    >>> [is_missing(v) for v in (None, float("nan"), "", "  ", "x", 0)]
    [True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def label(field: str, value: Any, lang: str = "en", own: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """Words for the code ``value`` of ``field`` (``"sphere"``, ``"kind"``, ``"type"``, a measure...).

    A code the catalogue does not know is named by the dataset's own
    vocabulary when given (``own``: :meth:`ecograph.Vocabulary.own_labels`,
    the descriptions of ``vocabulary.csv``), else shown as itself; a missing
    value gives the field's "unknown" words.

    >>> label("kind", "support_structure", "fr"), label("scope", None, "fr")
    ("structure d'accompagnement", 'portée inconnue')
    >>> label("sphere", "arts", "en"), label("sphere", "arts", "en", own={"sphere": {"arts": "Arts and culture"}})
    ('arts', 'Arts and culture')
    """
    check_language(lang)
    if is_missing(value):
        key = f"{field}."
        return word(key, lang) if key in CATALOGUE else word("common.unknown", lang)
    key = f"{field}.{value}"
    if key in CATALOGUE:
        return word(key, lang)
    named = (own or {}).get(field, {}).get(str(value))
    return named if named else str(value)


def section(name: str, lang: str = "en") -> dict[str, str]:
    """Every text of one section, keyed without the section's prefix.

    >>> section("common", "fr")["yes"]
    'oui'
    """
    check_language(lang)
    entries: Mapping[str, tuple[str, str]] = _SECTIONS[name]
    i = LANGUAGES.index(lang)
    return {key: texts[i] for key, texts in entries.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
