corpus/122-thankyou-spelling-typos-analyst.txt:3:19: error: 'oppurtunity' looks misspelt; did you mean 'opportunity'? (suggestion: 'opportunity') [FollowUp.Spelling]
corpus/122-thankyou-spelling-typos-analyst.txt:3:76: error: 'definately' looks misspelt; did you mean 'definitely'? (suggestion: 'definitely') [FollowUp.Spelling]
# exit 1
