corpus/099-thankyou-spacing-double-comma.txt:3:49: warning: Fix the spacing: ' ' instead of '  ' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: ' ') [FollowUp.Spacing]
corpus/099-thankyou-spacing-double-comma.txt:3:67: warning: Fix the spacing: ',' instead of ' ,' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: ',') [FollowUp.Spacing]
# exit 0
