corpus/103-checkin-spacing-mixed.txt:3:29: warning: Fix the spacing: ' ' instead of '  ' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: ' ') [FollowUp.Spacing]
corpus/103-checkin-spacing-mixed.txt:3:89: warning: Fix the spacing: ';' instead of ' ;' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: ';') [FollowUp.Spacing]
# exit 0
