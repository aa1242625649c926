corpus/101-thankyou-spacing-before-question.txt:3:151: warning: Fix the spacing: '?' instead of ' ?' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: '?') [FollowUp.Spacing]
corpus/101-thankyou-spacing-before-question.txt:5:13: warning: Fix the spacing: '!' instead of ' !' (one space between words, none before punctuation, one after the end of a sentence). (suggestion: '!') [FollowUp.Spacing]
# exit 0
