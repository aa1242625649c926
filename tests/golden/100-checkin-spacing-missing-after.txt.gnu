corpus/100-checkin-spacing-missing-after.txt:3:49: warning: Fix the spacing: '. ' instead of '.' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: '. ') [FollowUp.Spacing]
# exit 0
