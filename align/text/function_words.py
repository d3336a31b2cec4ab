"""Function words of English, Russian and Arabic: articles, prepositions, auxiliaries,
pronouns, conjunctions.

Said once here for the two places that read them: the word correspondence inside a link
(``align.sentalign.words``: they have no reliable partner of their own, so they take
their head word's status) and the copy evidence of provenance
(``align.provenance.derive_diff``: two translators choose them differently all over a
text, an editor rewriting a clause leaves them alone).
"""

from __future__ import annotations

EN = frozenset(
    "a an the of to in on at for by with from and or but as is are was were be been being it "
    "its this that these those which who whom whose what there their they them he she his "
    "her we our you your i my me not no so if than then into over about after before up out "
    "will would can could has have had do does did".split()
)
RU = frozenset(
    "и в во не что он она они мы вы я на с со как а то все это так его но да к у же за бы по "
    "ее её от о об из ему до для при про над под через эту этой этот этого эти также ли или ни "
    "уже был была были было".split()
)
AR = frozenset(
    "في من على إلى عن أن إن ما لا مع هذا هذه التي الذي الذين قد كان كانت وقد لم لن ثم أو".split()
)
